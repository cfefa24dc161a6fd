package dev.tayori.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The text of one body part: either written whole, or as the pieces that every reader of a mailing
 * shares with this reader's own values (name, unsubscribe link) between them. The shared pieces are
 * encoded to UTF-8 and base64 once per mailing ({@link Shared}); a reader's mail then costs the
 * encoding of a few short values and a copy, where encoding the whole 6 KB part was the largest
 * CPU cost of a mail after the template.
 */
public final class BodyText {
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    /** RFC 2045: encoded lines of at most 76 characters. */
    private static final int LINE = 76;

    private final String whole;
    private final Shared shared;
    private final String[] values;

    private BodyText(String whole, Shared shared, String[] values) {
        this.whole = whole;
        this.shared = shared;
        this.values = values;
    }

    public static BodyText of(String whole) {
        return new BodyText(whole, null, null);
    }

    /** The shared pieces with one value between each two: {@code values.length == pieces - 1}. */
    public static BodyText of(Shared shared, String... values) {
        if (values.length != shared.pieces.length - 1) {
            throw new IllegalArgumentException(shared.pieces.length + " pieces take " + (shared.pieces.length - 1)
                    + " values, not " + values.length);
        }
        return new BodyText(null, shared, values.clone());
    }

    @Override
    public String toString() {
        if (shared == null) {
            return whole;
        }
        StringBuilder text = new StringBuilder(shared.length + 64 * values.length);
        for (int i = 0; i < values.length; i++) {
            text.append(shared.pieces[i]).append(values[i]);
        }
        return text.append(shared.pieces[values.length]).toString();
    }

    /** The part in base64, as lines of 76 characters separated (not ended) by CRLF. */
    public void writeBase64(ByteArrayOutputStream out) {
        byte[] encoded;
        if (shared == null) {
            encoded = BASE64.encode(whole.getBytes(StandardCharsets.UTF_8));
        } else {
            Splice splice = new Splice(shared.encodedLength + 8 * 64 * values.length);
            for (int i = 0; i < values.length; i++) {
                splice.shared(shared, i);
                splice.bytes(values[i].getBytes(StandardCharsets.UTF_8));
            }
            splice.shared(shared, values.length);
            encoded = splice.finish();
        }
        writeLines(out, encoded, encoded.length);
    }

    private static void writeLines(ByteArrayOutputStream out, byte[] encoded, int length) {
        for (int at = 0; at < length; at += LINE) {
            if (at > 0) {
                out.write('\r');
                out.write('\n');
            }
            out.write(encoded, at, Math.min(LINE, length - at));
        }
    }

    /**
     * Pieces of text shared by every reader of a mailing, held as UTF-8 and, for each of the three
     * places a piece can start within a base64 group of three bytes, the base64 of its whole groups.
     */
    public static final class Shared {
        private final String[] pieces;
        private final byte[][] bytes;
        /** encoded[piece][phase]: the base64 of the piece's bytes from {@code phase} on, in whole groups of three. */
        private final byte[][][] encoded;
        private final int length;
        private final int encodedLength;

        public Shared(List<String> pieces) {
            if (pieces.isEmpty()) {
                throw new IllegalArgumentException("a body has at least one piece");
            }
            this.pieces = pieces.toArray(String[]::new);
            this.bytes = new byte[this.pieces.length][];
            int chars = 0;
            int byteCount = 0;
            for (int i = 0; i < this.pieces.length; i++) {
                bytes[i] = this.pieces[i].getBytes(StandardCharsets.UTF_8);
                chars += this.pieces[i].length();
                byteCount += bytes[i].length;
            }
            this.encoded = new byte[bytes.length][3][];
            for (int i = 0; i < bytes.length; i++) {
                for (int phase = 0; phase < 3; phase++) {
                    int start = Math.min(phase, bytes[i].length);
                    int whole = (bytes[i].length - start) / 3 * 3;
                    encoded[i][phase] = BASE64.encode(java.util.Arrays.copyOfRange(bytes[i], start, start + whole));
                }
            }
            this.length = chars;
            this.encodedLength = (byteCount + 2) / 3 * 4;
        }
    }

    /** Base64 of a sequence of byte runs, without line breaks, carrying up to two bytes between runs. */
    private static final class Splice {
        private byte[] out;
        private int size;
        private final byte[] carry = new byte[3];
        private int carried;

        Splice(int capacity) {
            out = new byte[capacity];
        }

        /** A shared piece: the bytes that complete the carried group, then its pre-encoded groups. */
        void shared(Shared shared, int piece) {
            run(shared.bytes[piece], shared.encoded[piece]);
        }

        /** A reader's own value, encoded here. */
        void bytes(byte[] bytes) {
            run(bytes, null);
        }

        /** {@code byPhase[k]}: the base64 of the bytes' whole groups from byte k on, or null to encode them now. */
        private void run(byte[] bytes, byte[][] byPhase) {
            int need = (3 - carried) % 3;
            if (bytes.length < need) {
                System.arraycopy(bytes, 0, carry, carried, bytes.length);
                carried += bytes.length;
                return;
            }
            completeCarry(bytes, need);
            int whole = (bytes.length - need) / 3 * 3;
            byte[] groups = byPhase != null ? byPhase[need]
                    : BASE64.encode(java.util.Arrays.copyOfRange(bytes, need, need + whole));
            append(groups, groups.length);
            carried = bytes.length - need - whole;
            System.arraycopy(bytes, need + whole, carry, 0, carried);
        }

        private void completeCarry(byte[] bytes, int need) {
            if (need > 0) {
                System.arraycopy(bytes, 0, carry, carried, need);
                byte[] group = BASE64.encode(carry);
                append(group, 4);
                carried = 0;
            }
        }

        byte[] finish() {
            if (carried > 0) {
                byte[] last = BASE64.encode(java.util.Arrays.copyOf(carry, carried));
                append(last, last.length);
                carried = 0;
            }
            return size == out.length ? out : java.util.Arrays.copyOf(out, size);
        }

        private void append(byte[] bytes, int length) {
            if (size + length > out.length) {
                out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, size + length));
            }
            System.arraycopy(bytes, 0, out, size, length);
            size += length;
        }
    }
}
