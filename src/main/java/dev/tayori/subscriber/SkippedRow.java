package dev.tayori.subscriber;

/** A row of an import that was not imported: its line in the file, and why. */
public record SkippedRow(long line, SkipReason reason) {
    /** The command line's report of it: "file:N: why" (a bad row also says it was skipped). */
    public String english(String fileName) {
        return fileName + ":" + line + ": " + reason.english()
                + (reason instanceof SkipReason.Repeated ? "" : "; row skipped");
    }
}
