package dev.tayori.web.admin;

import dev.tayori.subscriber.SkipReason;
import dev.tayori.web.SignUpWords;

/**
 * Why an imported row was skipped, in Japanese for the result page: the reason's kind chooses the
 * words (words_ja.properties, readers.skipped.*; an address's or a name's problem in the sign-up
 * page's words), its values fill them. The English of the command line is never shown here.
 */
final class ImportWords {
    private ImportWords() {
    }

    static String of(SkipReason reason) {
        if (reason instanceof SkipReason.ColumnCount c) {
            // numbers as plain digits: MessageFormat would print a column count of 1000 as 1,000
            return ReadersWords.format("skipped.columns", String.valueOf(c.expected()), String.valueOf(c.found()));
        }
        if (reason instanceof SkipReason.NotConfirmed n) {
            return ReadersWords.format("skipped.not-confirmed", n.status());
        }
        if (reason instanceof SkipReason.BadAddress a) {
            return ReadersWords.format("skipped.address", a.text(), SignUpWords.address(a.reason()));
        }
        if (reason instanceof SkipReason.BadName n) {
            return SignUpWords.name(n.problem());
        }
        if (reason instanceof SkipReason.BadTag t) {
            return ReadersWords.format("skipped.tag", t.tag());
        }
        if (reason instanceof SkipReason.UnknownTimeZone z) {
            return z.suggestion() == null ? ReadersWords.format("skipped.timezone", z.text())
                    : ReadersWords.format("skipped.timezone-meant", z.text(), z.suggestion());
        }
        if (reason instanceof SkipReason.BadConfirmedAt c) {
            return ReadersWords.format("skipped.confirmed-at." + c.when().name(), c.text());
        }
        if (reason instanceof SkipReason.Suppressed s) {
            return ReadersWords.format("skipped.suppressed", s.address());
        }
        if (reason instanceof SkipReason.Repeated r) {
            return ReadersWords.format("skipped.repeated", r.address(), String.valueOf(r.firstLine()));
        }
        return ReadersWords.word("skipped.other");
    }
}
