package dev.tayori.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * A small SMTP server whose answers a test scripts: 451 for a while, 421 and a hang-up, a dropped
 * line after the data, 550 for some recipients. It keeps what it accepted as (Message-ID,
 * recipient) pairs, which is how the fault tests count "exactly once", and each accepted message as
 * it arrived (public for the report tests, which read the mail a refusing server let through).
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    /** What to answer to the end of the n-th message's data (counting from 1 over the server's life). */
    enum DataReply { ACCEPT, TEMPORARY_451, CLOSE_421, ACCEPT_THEN_DROP, DROP_WITHOUT_ACCEPT }

    record Accepted(String messageId, String recipient) {
    }

    /** A message as it was accepted: its recipients and its text (dot-stuffing undone, CRLF line ends). */
    public record Message(List<String> recipients, String text) {
    }

    private final ServerSocket server;
    private final List<Accepted> accepted = Collections.synchronizedList(new ArrayList<>());
    private final List<Message> messages = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger dataCount = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile IntFunction<DataReply> dataReply = n -> DataReply.ACCEPT;
    private volatile Predicate<String> rejectRecipient = r -> false;
    private final Thread acceptor;

    public ScriptedSmtpServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    void answerData(IntFunction<DataReply> script) {
        this.dataReply = script;
    }

    public void rejectRecipients(Predicate<String> which) {
        this.rejectRecipient = which;
    }

    List<Accepted> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    /** Every message accepted so far, in the order they arrived. */
    public List<Message> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    int connectionsOpened() {
        return connections.get();
    }

    /** Recipient to the distinct Message-IDs it received. */
    Map<String, Set<String>> messageIdsByRecipient() {
        Map<String, Set<String>> map = new HashMap<>();
        for (Accepted a : accepted()) {
            map.computeIfAbsent(a.recipient(), r -> new HashSet<>()).add(a.messageId());
        }
        return map;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true); // without it, delayed ACKs cost ~40 ms a message
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(socket), "scripted-smtp-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            reply(out, "220 scripted ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase();
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-scripted\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8");
                } else if (upper.startsWith("HELO") || upper.startsWith("NOOP") || upper.startsWith("RSET")) {
                    recipients.clear();
                    reply(out, "250 OK");
                } else if (upper.startsWith("MAIL FROM")) {
                    recipients.clear();
                    reply(out, "250 OK");
                } else if (upper.startsWith("RCPT TO")) {
                    String rcpt = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    if (rejectRecipient.test(rcpt)) {
                        reply(out, "550 5.1.1 <" + rcpt + ">: user unknown");
                    } else {
                        recipients.add(rcpt);
                        reply(out, "250 OK");
                    }
                } else if (upper.startsWith("DATA")) {
                    reply(out, "354 go ahead");
                    String messageId = null;
                    StringBuilder text = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        if (messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                            messageId = line.substring(11).strip();
                        }
                        text.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
                    }
                    if (line == null) {
                        return; // the client died mid-message: like any server, keep nothing of it
                    }
                    int n = dataCount.incrementAndGet();
                    switch (dataReply.apply(n)) {
                        case ACCEPT -> {
                            record(messageId, recipients);
                            messages.add(new Message(List.copyOf(recipients), text.toString()));
                            reply(out, "250 2.0.0 queued");
                        }
                        case TEMPORARY_451 -> reply(out, "451 4.3.0 try again later");
                        case CLOSE_421 -> {
                            reply(out, "421 4.3.2 closing, too busy");
                            return;
                        }
                        case ACCEPT_THEN_DROP -> {
                            record(messageId, recipients);
                            return; // took the mail, but the 250 never reaches the sender
                        }
                        case DROP_WITHOUT_ACCEPT -> {
                            return;
                        }
                        default -> throw new IllegalStateException();
                    }
                    recipients.clear();
                } else if (upper.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 command not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away (or was killed): nothing to do
        }
    }

    private void record(String messageId, List<String> recipients) {
        for (String r : recipients) {
            accepted.add(new Accepted(messageId, r));
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
