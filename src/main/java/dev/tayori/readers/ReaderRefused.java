package dev.tayori.readers;

/** A reader action refused, with what was wrong as a key the page puts in words. */
public final class ReaderRefused extends RuntimeException {
    public enum Problem { BAD_TAG, NOT_CONFIRMED, NO_WORKBOOK }

    private final Problem problem;

    ReaderRefused(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
