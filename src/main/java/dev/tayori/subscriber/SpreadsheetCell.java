package dev.tayori.subscriber;

import java.util.regex.Pattern;

/**
 * CSV cells that a spreadsheet would run as a formula. Anything a stranger typed into the public
 * form ends up in an export, and Excel or LibreOffice take a cell starting with = + - @ (or a tab or
 * carriage return before one) for a formula: `=HYPERLINK("http://evil","x")` becomes a live link,
 * worse formulas reach other files. As OWASP advises for CSV injection, such a cell is written with
 * a single quote before it, which a spreadsheet shows as text. The import takes that quote off
 * again, so an export imports back as the same values.
 */
public final class SpreadsheetCell {
    // Quotes already at the start count too: a name that really is '=x is exported as ''=x, so that
    // taking one quote off on import gives '=x back, not =x.
    private static final Pattern FORMULA = Pattern.compile("'*[=+\\-@\t\r].*", Pattern.DOTALL);
    private static final Pattern NEUTRALISED = Pattern.compile("'+[=+\\-@\t\r].*", Pattern.DOTALL);

    private SpreadsheetCell() {
    }

    /** The value as it goes into an exported cell: quoted when a spreadsheet would read a formula. */
    public static String neutralise(String value) {
        return value != null && FORMULA.matcher(value).matches() ? "'" + value : value;
    }

    /** The value an exported cell held before {@link #neutralise}. */
    public static String restore(String cell) {
        return NEUTRALISED.matcher(cell).matches() ? cell.substring(1) : cell;
    }
}
