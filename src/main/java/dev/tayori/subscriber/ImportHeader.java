package dev.tayori.subscriber;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * The header row of an import: which column holds what. Names are matched as Excel users type them
 * (`Email`, ` email `, `Confirmed At` are email and confirmed_at). A column named twice, a column
 * with no name, or one the import does not know is refused before anything is read: the values under
 * a misspelt `nmae` would otherwise be dropped without a word.
 */
final class ImportHeader {
    static final List<String> IMPORTED = List.of("email", "name", "timezone", "tags", "confirmed_at");
    /** Columns of `subscribers export`, so an export imports as it is; status is honoured, the rest ignored. */
    static final List<String> FROM_EXPORT = List.of("status", "created_at", "unsubscribed_at", "consent");

    private final Map<String, Integer> index;
    private final int size;

    private ImportHeader(Map<String, Integer> index, int size) {
        this.index = index;
        this.size = size;
    }

    static ImportHeader of(CSVRecord header, String fileName, long line) {
        String where = fileName + ":" + line;
        Map<String, Integer> index = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String typed = header.get(i);
            String name = typed.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
            if (name.isEmpty()) {
                problems.add("column " + (i + 1) + " has no name (delete the empty column, or name it)");
            } else if (!IMPORTED.contains(name) && !FROM_EXPORT.contains(name)) {
                problems.add("column " + (i + 1) + " '" + typed.strip() + "' is not a column the import knows"
                        + suggestion(name));
            } else if (index.putIfAbsent(name, i) != null) {
                problems.add("columns " + (index.get(name) + 1) + " and " + (i + 1) + " are both " + name);
            }
        }
        if (problems.isEmpty() && !index.containsKey("email")) {
            problems.add("there is no email column");
        }
        if (!problems.isEmpty()) {
            throw new FileRefused(FileRefused.Problem.HEADER, line, where + ": the header row: "
                    + String.join("; ", problems) + ". The columns are " + String.join(", ", IMPORTED)
                    + " (only email is needed); nothing was imported");
        }
        return new ImportHeader(index, header.size());
    }

    int size() {
        return size;
    }

    /**
     * The cell of {@code column} stripped, and without the quote an export puts before a cell that a
     * spreadsheet would take for a formula ("" when the column or the cell is missing).
     */
    String get(CSVRecord record, String column) {
        Integer i = index.get(column);
        return i == null || i >= record.size() ? "" : SpreadsheetCell.restore(record.get(i).strip());
    }

    private static String suggestion(String name) {
        String best = null;
        int bestDistance = 3;
        for (String known : IMPORTED) {
            int d = dev.tayori.config.Suggestions.distance(name, known);
            if (d < bestDistance || name.contains(known) && best == null) {
                best = known;
                bestDistance = Math.min(d, bestDistance);
            }
        }
        return best == null ? "" : " (did you mean " + best + "?)";
    }
}
