package dev.tayori.dkim;

import java.security.MessageDigest;

/**
 * RFC 6376 section 3.4's "relaxed" canonicalisation, for headers and for the body. Relaxed is the
 * choice that survives the rewrapping relays and mailing software do (a header refolded, trailing
 * spaces dropped), where "simple" breaks on the first changed byte.
 */
final class Relaxed {
    private Relaxed() {
    }

    /**
     * One header field: the name in lower case, the value unfolded, runs of spaces and tabs made one
     * space, none at either end, and no space around the colon. {@code value} is everything after
     * the colon, folding included, without the final CRLF.
     */
    static String header(String name, String value) {
        StringBuilder out = new StringBuilder(name.length() + value.length() + 1);
        out.append(name.strip().toLowerCase(java.util.Locale.ROOT)).append(':');
        boolean space = false;
        boolean started = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                continue; // unfolding: the CRLF goes, the whitespace after it counts as whitespace
            }
            if (c == ' ' || c == '\t') {
                space = true;
                continue;
            }
            if (space && started) {
                out.append(' ');
            }
            space = false;
            started = true;
            out.append(c);
        }
        return out.toString();
    }

    /**
     * The body's hash in one pass: whitespace at line ends dropped, runs of it inside a line made one
     * space, empty lines at the end dropped, and the last line ended with CRLF (an empty body stays empty).
     */
    static byte[] bodyHash(byte[] message, int from) {
        MessageDigest sha256 = Signing.sha256();
        byte[] buffer = new byte[8192];
        int size = 0;
        int pendingLines = 0;
        boolean pendingSpace = false;
        boolean content = false;
        for (int i = from; i < message.length; i++) {
            byte b = message[i];
            if (b == ' ' || b == '\t') {
                pendingSpace = true;
                continue;
            }
            if (b == '\r' && i + 1 < message.length && message[i + 1] == '\n') {
                pendingSpace = false;
                pendingLines++;
                i++;
                continue;
            }
            for (; pendingLines > 0; pendingLines--) {
                if (size + 2 > buffer.length) {
                    sha256.update(buffer, 0, size);
                    size = 0;
                }
                buffer[size++] = '\r';
                buffer[size++] = '\n';
            }
            if (size + 2 > buffer.length) {
                sha256.update(buffer, 0, size);
                size = 0;
            }
            if (pendingSpace) {
                buffer[size++] = ' ';
                pendingSpace = false;
            }
            buffer[size++] = b;
            content = true;
        }
        sha256.update(buffer, 0, size);
        if (content) {
            sha256.update(new byte[] {'\r', '\n'});
        }
        return sha256.digest();
    }
}
