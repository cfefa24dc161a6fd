package dev.tayori.subscriber;

/**
 * A CSV file the import refuses whole, before anything is written: the message says it in English
 * for the command line (file:line: what; nothing was imported), {@link #problem()} and {@link #line()}
 * let the admin page say the same in Japanese, as {@link SkipReason} does for a single row.
 */
public final class FileRefused extends SubscriberException {
    /** What is wrong with the file as a whole. */
    public enum Problem {
        QUOTE_NOT_CLOSED, NUL_BYTE, ROW_TOO_LONG, NOT_UTF8_NOR_SHIFT_JIS, BROKEN_UTF8, NOT_CSV, HEADER, NO_ROWS, OTHER
    }

    private final Problem problem;
    private final long line;

    FileRefused(Problem problem, long line, String message) {
        super(Kind.INVALID, message);
        this.problem = problem;
        this.line = line;
    }

    public Problem problem() {
        return problem;
    }

    /** The line of the file it is about, 0 when it is about the file as a whole. */
    public long line() {
        return line;
    }
}
