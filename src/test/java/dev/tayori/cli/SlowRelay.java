package dev.tayori.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A TCP relay in front of a real SMTP server (GreenMail) that holds each of the server's answers back
 * for a while: a slow server, so that a mailing is still on the wire when a test stops tayori. What the
 * client sends passes at once; what the server answers waits {@code delay}, then goes with whatever
 * else it answered meanwhile.
 */
public final class SlowRelay implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final Duration delay;

    public SlowRelay(int targetPort, Duration delay) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = targetPort;
        this.delay = delay;
        Thread acceptor = new Thread(this::accept, "slow-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                pump(client, upstream, false);
                pump(upstream, client, true);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean slow) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (slow) {
                        Thread.sleep(delay.toMillis());
                        while (in.available() > 0 && n < buffer.length) {
                            n += in.read(buffer, n, Math.min(in.available(), buffer.length - n));
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side went away
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }, slow ? "slow-relay-answers" : "slow-relay-commands");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
