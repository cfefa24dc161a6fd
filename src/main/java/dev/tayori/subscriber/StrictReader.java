package dev.tayori.subscriber;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * The characters of a CSV file in one encoding, refusing instead of guessing: a byte the encoding
 * cannot read stops the import with its line and byte (InputStreamReader would put U+FFFD in a
 * name and store mojibake). It also keeps memory bounded whatever the file holds: a record may be
 * at most {@link #RECORD_LIMIT} characters, so a file with no line breaks, or a quote that is never
 * closed, is refused at the line where it began instead of being read whole into one cell. To know
 * where a record ends it follows quotes as the CSV parser does (a quote opens only at a cell's start).
 */
final class StrictReader extends Reader {
    static final int RECORD_LIMIT = 10_000;

    /** A byte the encoding cannot read: where it is, and whether readable non-ASCII text came before. */
    static final class Undecodable extends RuntimeException {
        final long line;
        final long byteOffset;
        final boolean textBefore;

        Undecodable(long line, long byteOffset, boolean textBefore, String bytes) {
            super("line " + line + ", byte " + byteOffset + " (" + bytes + ")");
            this.line = line;
            this.byteOffset = byteOffset;
            this.textBefore = textBefore;
        }
    }

    private enum Cell { START, PLAIN, QUOTED, QUOTE_IN_QUOTED }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final String file;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private final CharBuffer chars = CharBuffer.allocate(8192).flip();
    private long offset; // of bytes.position() in the file
    private long byteLine = 1; // the line of the next byte to decode
    private boolean nonAsciiBefore;
    private boolean eof;
    private boolean done;
    private boolean first = true;
    // where the parser is, in characters handed out
    private long line = 1;
    private boolean lastWasCr;
    private Cell cell = Cell.START;
    private long recordStartLine = 1;
    private long quoteLine; // where the quote now open began
    private int recordLength;

    StrictReader(InputStream in, Charset charset, String file) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.file = file;
    }

    @Override
    public int read(char[] target, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            if (cell == Cell.QUOTED) {
                throw refused(FileRefused.Problem.QUOTE_NOT_CLOSED, quoteLine, "the quote \" opened on this line is never closed");
            }
            return -1;
        }
        int n = Math.min(len, chars.remaining());
        chars.get(target, off, n);
        for (int i = off; i < off + n; i++) {
            follow(target[i]);
        }
        return n;
    }

    private boolean fill() throws IOException {
        if (done) {
            return false;
        }
        chars.clear();
        while (chars.position() == 0) {
            if (!eof && bytes.remaining() < 16) {
                bytes.compact();
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                bytes.position(bytes.position() + Math.max(read, 0)).flip();
                eof = read < 0;
            }
            int start = bytes.position();
            CoderResult result = decoder.decode(bytes, chars, eof);
            count(start, bytes.position());
            if (result.isError()) {
                StringBuilder shown = new StringBuilder();
                for (int i = 0; i < result.length(); i++) {
                    shown.append(i == 0 ? "" : " ").append(String.format("0x%02X", bytes.get(bytes.position() + i) & 0xff));
                }
                throw new Undecodable(byteLine, offset + 1, nonAsciiBefore, shown.toString());
            }
            if (eof && result.isUnderflow()) {
                decoder.flush(chars);
                done = true;
                break;
            }
        }
        chars.flip();
        if (first && chars.hasRemaining() && chars.get(chars.position()) == '\uFEFF') {
            chars.get(); // Excel's "CSV UTF-8" starts with a byte order mark; it is not part of the header
        }
        first = false;
        return chars.hasRemaining() || fill();
    }

    private void count(int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes.get(i);
            if (b == '\n') {
                byteLine++;
            }
            nonAsciiBefore |= b < 0;
        }
        offset += to - from;
    }

    private void follow(char c) {
        if (c == 0) {
            throw refused(FileRefused.Problem.NUL_BYTE, line, "this line has a NUL byte: this is not a CSV text file (UTF-16, or a program's own format?);"
                    + " save it from Excel as CSV UTF-8");
        }
        boolean lineBreak = c == '\n' ? !lastWasCr : c == '\r';
        lastWasCr = c == '\r';
        Cell before = cell;
        cell = switch (cell) {
            case START -> c == '"' ? Cell.QUOTED : c == ',' ? Cell.START : Cell.PLAIN;
            case PLAIN -> c == ',' ? Cell.START : Cell.PLAIN;
            case QUOTED -> c == '"' ? Cell.QUOTE_IN_QUOTED : Cell.QUOTED;
            case QUOTE_IN_QUOTED -> c == '"' ? Cell.QUOTED : c == ',' ? Cell.START : Cell.PLAIN;
        };
        if (before == Cell.START && cell == Cell.QUOTED) {
            quoteLine = line;
        }
        if (lineBreak) {
            line++;
        }
        if ((c == '\n' || c == '\r') && cell != Cell.QUOTED) {
            cell = Cell.START;
            recordLength = 0;
            recordStartLine = line;
        } else if (++recordLength > RECORD_LIMIT) {
            throw cell == Cell.QUOTED
                    ? refused(FileRefused.Problem.QUOTE_NOT_CLOSED, quoteLine, "the quote \" opened on this line is not closed within "
                            + RECORD_LIMIT + " characters (a broken quote?)")
                    : refused(FileRefused.Problem.ROW_TOO_LONG, recordStartLine, "the row starting on this line is longer than " + RECORD_LIMIT
                            + " characters; a row of this import is an address, a name and a few short columns");
        }
    }

    private SubscriberException refused(FileRefused.Problem problem, long at, String what) {
        return new FileRefused(problem, at, file + ":" + at + ": " + what + "; nothing was imported");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
