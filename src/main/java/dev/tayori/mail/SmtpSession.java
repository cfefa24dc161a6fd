package dev.tayori.mail;

import dev.tayori.config.SmtpSettings;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One SMTP session, speaking what tayori needs of RFC 5321: EHLO, STARTTLS, AUTH PLAIN or LOGIN,
 * and PIPELINING (RFC 2920) when the server offers it.
 *
 * <p>Why not Jakarta Mail's transport: it has no PIPELINING, so every mail costs four round trips,
 * and it pushes each message through per-byte line-ending and dot-stuffing streams; together that
 * was most of the CPU of a mailing. Messages are still built by Jakarta Mail; this class only
 * carries their bytes.
 */
final class SmtpSession implements AutoCloseable {
    /** A reply: its code and its text, all lines joined. */
    record Reply(int code, String text) {
        boolean positive() {
            return code >= 200 && code < 400;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final SmtpSettings settings;
    private final String heloName;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean pipelining;
    private String authMechanisms = "";
    private String ahead;

    SmtpSession(SmtpSettings settings, String heloName) {
        this.settings = settings;
        this.heloName = heloName;
    }

    /** Connects, greets, upgrades to TLS and logs in as the settings say. */
    void open() throws IOException, SmtpFailure {
        int timeout = settings.timeoutSeconds() * 1000;
        socket = new Socket();
        socket.setTcpNoDelay(true); // Nagle's algorithm meeting the server's delayed ACK costs ~40 ms a reply
        socket.connect(new InetSocketAddress(settings.host(), settings.port()), timeout);
        socket.setSoTimeout(timeout);
        streams();
        expect(read(), 220, "the server's greeting");
        ehlo();
        if (settings.starttls()) {
            command("STARTTLS");
            expect(read(), 220, "STARTTLS");
            SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(socket, settings.host(), settings.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name smtp.host
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            socket = tls;
            streams();
            ehlo();
        }
        if (!settings.username().isBlank()) {
            login();
        }
    }

    /**
     * Sends one message to one recipient. {@code message} is the whole message with CRLF line ends,
     * not yet dot-stuffed. Returns the server's reply to the end of the data (250).
     *
     * <p>With PIPELINING, {@code next} (when given) has its envelope (MAIL, RCPT, DATA) written right
     * behind this message's final ".", as RFC 2920 allows: its replies are read when it is sent, so
     * each mail costs one round trip instead of two.
     */
    Reply send(String from, String to, byte[] message, String messageId, Envelope next) throws IOException, SmtpFailure {
        Reply mailReply;
        Reply rcptReply;
        Reply dataReply;
        if (pipelining) {
            if (!messageId.equals(ahead)) {
                write(envelope(from, to));
            }
            ahead = null;
            mailReply = read();
            rcptReply = read();
            dataReply = read();
        } else {
            command("MAIL FROM:<" + from + ">");
            mailReply = read();
            rcptReply = mailReply.positive() ? commandReply("RCPT TO:<" + to + ">") : null;
            dataReply = rcptReply != null && rcptReply.positive() ? commandReply("DATA") : null;
        }
        if (dataReply != null && dataReply.code() == 354 && (!mailReply.positive() || !rcptReply.positive())) {
            // A server that let DATA through after refusing the envelope: end it empty and reset.
            write(".\r\n");
            read();
        }
        if (!mailReply.positive()) {
            reset();
            throw failure(mailReply, false, "MAIL FROM");
        }
        if (!rcptReply.positive()) {
            reset();
            throw failure(rcptReply, true, "RCPT TO");
        }
        if (dataReply.code() != 354) {
            reset();
            throw failure(dataReply, false, "DATA");
        }
        out.write(dotStuffed(message));
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        if (pipelining && next != null) {
            out.write(envelope(next.from(), next.to()).getBytes(StandardCharsets.US_ASCII));
            ahead = next.messageId();
        }
        out.flush();
        Reply accepted = read();
        if (accepted.code() != 250) {
            throw failure(accepted, false, "the message");
        }
        return accepted;
    }

    /** The envelope of a mail to send after this one. */
    record Envelope(String from, String to, String messageId) {
    }

    /** The Message-ID whose envelope is already written ahead, its replies unread; null if none. */
    String ahead() {
        return ahead;
    }

    private static String envelope(String from, String to) {
        return "MAIL FROM:<" + from + ">\r\nRCPT TO:<" + to + ">\r\nDATA\r\n";
    }

    @Override
    public void close() {
        if (socket == null) {
            return;
        }
        try {
            // QUIT without waiting for its answer: the mail is already accepted. Not with an envelope
            // written ahead: after its DATA the server would take QUIT as message text; a message
            // cut off without its final "." is discarded, which is what closing does.
            if (out != null && socket.isConnected() && ahead == null) {
                write("QUIT\r\n");
            }
        } catch (IOException ignored) {
            // closing either way
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing either way
        }
        socket = null;
        ahead = null;
    }

    private void ehlo() throws IOException, SmtpFailure {
        command("EHLO " + heloName);
        Reply reply = read();
        if (reply.code() != 250) {
            command("HELO " + heloName);
            expect(read(), 250, "HELO");
            pipelining = false;
            return;
        }
        pipelining = false;
        authMechanisms = "";
        for (String line : reply.text().split("\n")) {
            String capability = line.length() > 4 ? line.substring(4).strip().toUpperCase(Locale.ROOT) : "";
            if (capability.equals("PIPELINING")) {
                pipelining = true;
            } else if (capability.startsWith("AUTH ") || capability.startsWith("AUTH=")) {
                authMechanisms += " " + capability.substring(5) + " ";
            }
        }
    }

    private void login() throws IOException, SmtpFailure {
        Reply reply;
        if (authMechanisms.contains(" PLAIN ") || !authMechanisms.contains(" LOGIN ")) {
            String token = "\0" + settings.username() + "\0" + settings.password();
            reply = commandReply("AUTH PLAIN " + base64(token));
        } else {
            expect(commandReply("AUTH LOGIN"), 334, "AUTH LOGIN", SmtpFailure.Kind.LOGIN_REFUSED);
            expect(commandReply(base64(settings.username())), 334, "AUTH LOGIN", SmtpFailure.Kind.LOGIN_REFUSED);
            reply = commandReply(base64(settings.password()));
        }
        if (reply.code() != 235) {
            throw new SmtpFailure(SmtpFailure.Kind.LOGIN_REFUSED, reply.code(), "the SMTP server " + server()
                    + " refused the login for smtp.username '" + settings.username() + "': " + reply, null);
        }
    }

    /**
     * After a refused transaction the session is reset, so the next mail starts clean. If even that
     * fails the line is closed (the next mail reconnects); the refusal is what gets reported.
     */
    private void reset() {
        try {
            command("RSET");
            read();
        } catch (IOException e) {
            close();
        }
    }

    boolean isOpen() {
        return socket != null;
    }

    private SmtpFailure failure(Reply reply, boolean recipient, String stage) {
        String text = stage + ": " + reply;
        if (reply.code() == 421) {
            close();
            return new SmtpFailure(SmtpFailure.Kind.CONNECTION_LOST, 421, "the server closed the connection: " + text,
                    null);
        }
        if (reply.code() >= 500) {
            return new SmtpFailure(recipient ? SmtpFailure.Kind.RECIPIENT_REJECTED : SmtpFailure.Kind.MESSAGE_REJECTED,
                    reply.code(), text, null);
        }
        return new SmtpFailure(SmtpFailure.Kind.TRANSIENT, reply.code(), text, null);
    }

    private void expect(Reply reply, int code, String what) throws SmtpFailure {
        expect(reply, code, what, SmtpFailure.Kind.UNREACHABLE);
    }

    private void expect(Reply reply, int code, String what, SmtpFailure.Kind kind) throws SmtpFailure {
        if (reply.code() != code) {
            throw new SmtpFailure(kind, reply.code(), "the SMTP server " + server()
                    + " answered " + what + " with: " + reply, null);
        }
    }

    private Reply commandReply(String line) throws IOException {
        command(line);
        return read();
    }

    private void command(String line) throws IOException {
        write(line + "\r\n");
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one reply, joining the lines of a multi-line one ("250-..." up to "250 ..."). */
    private Reply read() throws IOException {
        StringBuilder text = new StringBuilder();
        while (true) {
            String line = readLine();
            if (line.length() < 3) {
                throw new IOException("the server sent a malformed reply: '" + line + "'");
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(line);
            if (line.length() == 3 || line.charAt(3) != '-') {
                try {
                    return new Reply(Integer.parseInt(line.substring(0, 3)), text.toString());
                } catch (NumberFormatException e) {
                    throw new IOException("the server sent a malformed reply: '" + line + "'");
                }
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }

    private void streams() throws IOException {
        in = new BufferedInputStream(socket.getInputStream(), 4096);
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    private String server() {
        return settings.host() + ":" + settings.port();
    }

    private static int indexOfLineStartingWithDot(byte[] message) {
        for (int i = 1; i < message.length; i++) {
            if (message[i] == '.' && message[i - 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * RFC 5321 section 4.5.2: a line that starts with a period gets one more. The message's lines
     * already end in CRLF; the last line is ended here if it is not.
     */
    static byte[] dotStuffed(byte[] message) {
        boolean ended = message.length >= 2 && message[message.length - 2] == '\r' && message[message.length - 1] == '\n';
        if (ended && (message.length == 0 || message[0] != '.') && indexOfLineStartingWithDot(message) < 0) {
            return message; // the usual case (headers and base64 lines): nothing to change, nothing to copy
        }
        ByteArrayOutputStream stuffed = new ByteArrayOutputStream(message.length + 64);
        int start = 0;
        boolean lineStart = true;
        for (int i = 0; i < message.length; i++) {
            if (lineStart && message[i] == '.') {
                stuffed.write(message, start, i - start);
                stuffed.write('.');
                start = i;
            }
            lineStart = message[i] == '\n';
        }
        stuffed.write(message, start, message.length - start);
        if (message.length < 2 || message[message.length - 2] != '\r' || message[message.length - 1] != '\n') {
            stuffed.write('\r');
            stuffed.write('\n');
        }
        return stuffed.toByteArray();
    }
}
