package dev.tayori.report;

import dev.tayori.config.Formats;
import dev.tayori.subscriber.SpreadsheetCell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneId;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A mailing's failure list as CSV, every line of it: UTF-8 with a byte order mark (Excel on Japanese
 * Windows reads a file without one as Shift_JIS) and every cell formula-safe, since a bounce report's
 * words come from a stranger's server ({@link SpreadsheetCell}). Headers in Japanese: the file is for
 * the operator to read, not to import.
 */
public final class FailuresCsv {
    static final String[] COLUMNS = {"日時", "宛先", "種類", "理由", "状態コード", "サーバーの応答・報告の内容"};

    private FailuresCsv() {
    }

    /** The file name a browser saves it under: newsletter-issue-3-failures.csv. */
    public static String fileName(Mailing m) {
        return m.campaignId() + "-" + m.english().replace(' ', '-') + "-failures.csv";
    }

    /** Writes the list to {@code target} (left open); answers the number of lines written. */
    public static int write(Reports reports, Mailing m, ZoneId zone, Writer target) throws IOException {
        target.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(target, CSVFormat.DEFAULT.builder().setHeader(COLUMNS).build());
        int[] count = {0};
        try {
            reports.failures(m, Integer.MAX_VALUE, f -> {
                try {
                    for (String cell : new String[] {Formats.local(f.at(), zone), f.whoJapanese(), f.kind().japanese(),
                            f.why(), f.status(), f.reason()}) {
                        csv.print(SpreadsheetCell.neutralise(cell));
                    }
                    csv.println();
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
        return count[0];
    }
}
