package dev.tayori.limits;

import dev.tayori.config.RateSpec;

/**
 * One sending limit of the settings: for all mail ({@code smtp.rate-per-second}, {@code smtp.window})
 * or for the mail to one domain ({@code smtp.domain-limits}); {@code domain} is null but for the last.
 */
public record Limit(Kind kind, String domain, RateSpec spec) {
    public enum Kind {
        RATE, WINDOW, DOMAIN
    }

    /** When a limit for all mail is full, no mail at all may go: the run stops until then. */
    public boolean global() {
        return kind != Kind.DOMAIN;
    }

    /** Its ring in send_slots: every process with the same settings shares it. */
    String ring() {
        return switch (kind) {
            case RATE -> "rate";
            case WINDOW -> "window";
            case DOMAIN -> "domain:" + domain;
        };
    }

    /** What is full, for the command line and the rows it holds back (the pages have their own words). */
    public String reason() {
        return switch (kind) {
            case RATE -> "the rate limit (smtp.rate-per-second) is reached";
            case WINDOW -> "the sending window (smtp.window) is full";
            case DOMAIN -> "the limit for " + domain + " (smtp.domain-limits) is reached";
        };
    }
}
