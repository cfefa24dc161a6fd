package dev.tayori.content;

/**
 * The feed as a whole cannot be used: the message says what and where in English (the command line,
 * the log), {@link #problem()} is the key the dashboard words, {@link #httpStatus()} the server's
 * answer for {@link FeedProblem#HTTP_ERROR} (0 otherwise).
 */
public final class FeedUnreadable extends ContentException {
    private final FeedProblem problem;
    private final int httpStatus;

    FeedUnreadable(FeedProblem problem, String message) {
        this(problem, 0, message, null);
    }

    FeedUnreadable(FeedProblem problem, String message, Throwable cause) {
        this(problem, 0, message, cause);
    }

    FeedUnreadable(FeedProblem problem, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.httpStatus = httpStatus;
    }

    public FeedProblem problem() {
        return problem;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
