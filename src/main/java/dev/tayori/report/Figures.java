package dev.tayori.report;

import java.time.Instant;
import java.util.Locale;

/**
 * One mailing's figures: its mail by state, the mails that came back as bounces (hard ones among
 * them) or were reported as spam, unsubscribes through its own links (newsletter-only ones among
 * them), and clicks (readers who clicked, clicks in all). Rates are of the mail sent; the failure
 * rate is of the mail that was tried (sent or failed).
 */
public record Figures(int sent, int failed, int waiting, int cancelled, int bounced, int hardBounced, int complaints,
        int unsubscribed, int newsletterOnly, int clickers, int clicks, Instant firstSent, Instant lastSent) {

    public double failedRate() {
        return percent(failed, sent + failed);
    }

    public double bouncedRate() {
        return percent(bounced, sent);
    }

    public double complaintRate() {
        return percent(complaints, sent);
    }

    public double unsubscribeRate() {
        return percent(unsubscribed, sent);
    }

    public double clickRate() {
        return percent(clickers, sent);
    }

    /** A rate as the pages and the command line print it: 12.5%, 0.08%, 0% (two digits below one percent). */
    public static String shown(double rate) {
        if (rate == 0) {
            return "0%";
        }
        String digits = String.format(Locale.ROOT, rate < 1 ? "%.2f" : "%.1f", rate);
        return digits.replaceAll("\\.?0+$", "") + "%";
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : part * 100.0 / whole;
    }
}
