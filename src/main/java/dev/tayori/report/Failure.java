package dev.tayori.report;

import dev.tayori.inbound.InboundKind;
import java.time.Instant;

/**
 * One mail of a mailing that did not reach its reader: not handed over by our SMTP server (with the
 * error kept on the delivery), or reported back as a bounce (with the report's status and words).
 * An erased reader's line has no address and no words: both could name them.
 */
public record Failure(Instant at, String address, boolean erased, Kind kind, String status, String reason) {
    public enum Kind {
        NOT_SENT("not sent", "送信できず"),
        HARD("hard bounce", InboundKind.HARD.japanese()),
        SOFT("soft bounce", InboundKind.SOFT.japanese());

        private final String english;
        private final String japanese;

        Kind(String english, String japanese) {
            this.english = english;
            this.japanese = japanese;
        }

        public String english() {
            return english;
        }

        public String japanese() {
            return japanese;
        }

        static Kind of(String db) {
            return switch (db) {
                case "hard" -> HARD;
                case "soft" -> SOFT;
                default -> NOT_SENT;
            };
        }
    }

    static final String ANONYMOUS_JA = "（削除された読者）";

    static Failure of(ReportDao.FailureRow row) {
        boolean erased = row.erasedAt() != null;
        return new Failure(row.at(), erased ? "" : row.email(), erased, Kind.of(row.kind()),
                row.status() == null ? "" : row.status(), erased || row.reason() == null ? "" : oneLine(row.reason()));
    }

    /** A server's reply or a report's words may run over several lines: one line for a table and a CSV cell. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    }

    /** Who, for a page or the export: the address, or that the reader was erased. */
    public String whoJapanese() {
        return erased ? ANONYMOUS_JA : address;
    }

    public String whoEnglish() {
        return erased ? "(erased reader)" : address;
    }

    /**
     * Why, in the operator's words: what tayori's own error text begins with (RowSender writes
     * "rejected:", "gave up after N attempts:", "template:") said in Japanese; a bounce says what
     * its kind says. The server's or report's own words follow on the page as they were.
     */
    public String why() {
        if (kind != Kind.NOT_SENT) {
            return kind.japanese();
        }
        if (reason.startsWith("rejected:")) {
            return "受け取り側のサーバーが受け取りを断りました";
        }
        if (reason.startsWith("gave up after")) {
            return "何度か送り直しましたが届けられませんでした";
        }
        if (reason.startsWith("template:")) {
            return "テンプレートの誤りでメールを作れませんでした";
        }
        return "送信できませんでした";
    }
}
