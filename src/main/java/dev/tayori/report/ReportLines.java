package dev.tayori.report;

import dev.tayori.config.Formats;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A mailing's report for `campaigns stats CAMPAIGN --issue N / --step N`: the page's figures, as lines. */
public final class ReportLines {
    private ReportLines() {
    }

    public static List<String> of(MailingReport r, ZoneId zone) {
        Figures f = r.figures();
        List<String> lines = new ArrayList<>();
        lines.add(r.mailing().campaignId() + " " + r.mailing().english() + " (" + r.title() + ", "
                + Formats.local(r.date(), zone) + ")");
        lines.add(line("sent", f.sent(), ""));
        lines.add(line("failed", f.failed(), "(" + Figures.shown(f.failedRate()) + " of the mail tried)"));
        lines.add(line("waiting", f.waiting(), ""));
        lines.add(line("cancelled", f.cancelled(), ""));
        lines.add(line("bounced", f.bounced(), "(" + Figures.shown(f.bouncedRate()) + " of sent; " + f.hardBounced() + " hard)"));
        lines.add(line("complaints", f.complaints(), "(" + Figures.shown(f.complaintRate()) + ")"));
        lines.add(line("unsubscribed", f.unsubscribed(), "(" + Figures.shown(f.unsubscribeRate())
                + ") through this mail's link" + (f.newsletterOnly() > 0 ? "; " + f.newsletterOnly() + " newsletter only" : "")));
        if (!r.clicksCounted() && f.clicks() == 0) {
            lines.add("  clicks: not counted (tracking.clicks is off)");
        } else {
            lines.add("  clicks: " + f.clickers() + " unique (" + Figures.shown(f.clickRate()) + "), " + f.clicks() + " total");
        }
        if (!r.articles().isEmpty()) {
            lines.add("  articles:");
            r.articles().forEach(a -> lines.add("    " + a.position() + ". " + a.uniques() + " unique, " + a.total()
                    + " total  " + a.title() + "  " + a.url()));
        }
        if (!r.otherLinks().isEmpty()) {
            lines.add(r.articles().isEmpty() ? "  links:" : "  other links:");
            r.otherLinks().forEach(l -> lines.add("    " + l.uniques() + " unique, " + l.total() + " total  " + l.url()));
        }
        lines.add("  failures: " + r.failureCount() + (r.failureCount() > r.failures().size()
                ? " (the first " + r.failures().size() + " below; the admin page exports them all as CSV)" : ""));
        r.failures().forEach(x -> lines.add("    " + Formats.local(x.at(), zone) + "  " + x.whoEnglish() + "  " + x.kind().english()
                + (x.status().isEmpty() ? "" : " " + x.status()) + (x.reason().isEmpty() ? "" : "  " + x.reason())));
        return lines;
    }

    private static String line(String what, int n, String after) {
        return String.format("  %-13s %d%s", what, n, after.isEmpty() ? "" : "  " + after);
    }
}
