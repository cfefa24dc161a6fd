package dev.tayori.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Sockets with TCP_NODELAY. Angus Mail never sets it, and Nagle's algorithm meeting the server's
 * delayed ACK costs about 40 ms per message on a reused connection: 22 messages a second at most.
 */
final class NoDelaySocketFactory extends SocketFactory {
    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Socket() {
            @Override
            public void connect(java.net.SocketAddress endpoint, int timeout) throws IOException {
                super.connect(endpoint, timeout);
                setTcpNoDelay(true);
            }
        };
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return configure(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return configure(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return configure(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return configure(new Socket(address, port, localAddress, localPort));
    }

    private static Socket configure(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }

}
