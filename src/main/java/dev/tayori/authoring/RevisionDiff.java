package dev.tayori.authoring;

import java.util.List;

/** Two revisions of a mail compared field by field, line by line ({@link LineDiff}). */
public record RevisionDiff(int older, int newer, List<LineDiff.Line> subject, List<LineDiff.Line> preheader,
        List<LineDiff.Line> body) {
    static RevisionDiff of(int older, MailSource a, int newer, MailSource b) {
        return new RevisionDiff(older, newer, LineDiff.of(a.subject(), b.subject()), LineDiff.of(a.preheader(), b.preheader()),
                LineDiff.of(a.bodyMarkdown(), b.bodyMarkdown()));
    }

    public boolean same() {
        return subject.stream().allMatch(l -> l.change() == LineDiff.Change.SAME)
                && preheader.stream().allMatch(l -> l.change() == LineDiff.Change.SAME)
                && body.stream().allMatch(l -> l.change() == LineDiff.Change.SAME);
    }
}
