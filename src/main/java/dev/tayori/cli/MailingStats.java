package dev.tayori.cli;

import dev.tayori.App;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Newsletter;
import dev.tayori.campaign.Sequence;
import dev.tayori.report.Mailing;
import dev.tayori.report.ReportLines;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** `campaigns stats CAMPAIGN --issue N / --step N`: one mailing's report, from report/ like its admin page. */
final class MailingStats {
    /** How many lines of the failure list are printed; the admin page's CSV has them all. */
    static final int FAILURES_SHOWN = 100;

    private MailingStats() {
    }

    /** An announcement's one mailing, for the end of its plain `campaigns stats`. */
    static List<String> announcement(App app, Campaign c) {
        return ReportLines.of(app.reports().of(Mailing.announcement(c.id()), FAILURES_SHOWN), app.settings().timezone());
    }

    static int print(CliContext context, App app, Campaign c, Integer issue, Integer step) {
        if (issue != null && step != null) {
            throw new IllegalArgumentException("give --issue N or --step N, not both");
        }
        Optional<Mailing> mailing;
        if (issue != null) {
            if (!(c instanceof Newsletter)) {
                throw new IllegalArgumentException(c.id() + " is a " + c.kind() + ", not a newsletter: --issue is for "
                        + "the newsletter" + (c instanceof Sequence ? "; use --step N for a lesson" : ""));
            }
            mailing = app.reports().issue(c, issue);
            if (mailing.isEmpty()) {
                throw new IllegalArgumentException(c.id() + " has no issue " + issue
                        + " (only issues that went out have a number; `campaigns show " + c.id() + "` lists the latest)");
            }
        } else {
            if (!(c instanceof Sequence s)) {
                throw new IllegalArgumentException(c.id() + " is a " + c.kind() + ", not a sequence: --step is for "
                        + "a sequence's lessons" + (c instanceof Newsletter ? "; use --issue N for an issue" : ""));
            }
            mailing = app.reports().step(c, step);
            if (mailing.isEmpty()) {
                throw new IllegalArgumentException(c.id() + " has steps 1 to " + s.size() + "; there is no step " + step);
            }
        }
        PrintWriter out = context.out();
        ReportLines.of(app.reports().of(mailing.get(), FAILURES_SHOWN), app.settings().timezone()).forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }
}
