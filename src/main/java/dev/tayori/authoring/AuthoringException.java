package dev.tayori.authoring;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the operator wrote cannot be saved, published or created, with every problem and its place.
 * Nothing was written when this is thrown. {@link #conflict()} is an id already in use (HTTP 409),
 * {@link #notFound()} a mail or revision that does not exist (404); the rest is bad input (400).
 */
public final class AuthoringException extends RuntimeException {
    private final List<AuthoringProblem> problems;

    public AuthoringException(List<AuthoringProblem> problems) {
        super(problems.stream().map(AuthoringProblem::english).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    static AuthoringException of(AuthoringProblem problem) {
        return new AuthoringException(List.of(problem));
    }

    public List<AuthoringProblem> problems() {
        return problems;
    }

    public boolean conflict() {
        return problems.stream().anyMatch(p -> p.reason() == Reason.ID_IN_USE);
    }

    public boolean notFound() {
        return problems.stream().anyMatch(p -> p.reason() == Reason.NO_SUCH_MAIL || p.reason() == Reason.NO_SUCH_REVISION);
    }

    /** Every problem in Japanese, one a line, for a page. */
    public List<String> japanese() {
        return problems.stream().map(AuthoringProblem::japanese).toList();
    }
}
