package dev.tayori.subscriber;

/** A row of an import that cannot be imported; the import reports it by line and goes on. */
final class RowRefused extends RuntimeException {
    private final SkipReason reason;

    RowRefused(SkipReason reason) {
        super(reason.english(), null, false, false); // one per bad row of a large file: no stack trace
        this.reason = reason;
    }

    SkipReason reason() {
        return reason;
    }
}
