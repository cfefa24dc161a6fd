package dev.tayori.subscriber;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file as Japanese operators make them, read in the one encoding it is really in. Excel on
 * Japanese Windows saves "CSV" in Shift_JIS and "CSV UTF-8" in UTF-8 with a byte order mark; a file
 * is read as UTF-8 when every byte of it is UTF-8, else as Shift_JIS when every byte of it is that,
 * else refused with the line and byte. Never a guess that stores mojibake: a file that is UTF-8 up
 * to one broken byte is refused rather than re-read as Shift_JIS, which would turn its names into
 * other characters without a single error.
 */
public final class CsvInput {
    /**
     * "Shift_JIS" as Excel writes it is Microsoft's code page 932 (windows-31j), which also holds
     * ①, 髙 and the other characters Japanese names and addresses use; Java's strict Shift_JIS would
     * refuse them.
     */
    public static final Charset SHIFT_JIS = Charset.forName("windows-31j");
    private static final Map<String, Charset> NAMES = Map.of("utf8", StandardCharsets.UTF_8,
            "shiftjis", SHIFT_JIS, "sjis", SHIFT_JIS, "ms932", SHIFT_JIS, "cp932", SHIFT_JIS,
            "windows31j", SHIFT_JIS, "eucjp", Charset.forName("EUC-JP"));

    /** Reads a whole file through a reader, throwing {@link StrictReader.Undecodable} at a byte it cannot read. */
    public interface Check {
        void read(Reader reader) throws IOException;
    }

    private final Path file;
    private final Charset charset;

    private CsvInput(Path file, Charset charset) {
        this.file = file;
        this.charset = charset;
    }

    /** The encoding an operator names with --encoding (spelling and case as they come), or null for none. */
    public static Charset encoding(String name) {
        if (name == null) {
            return null;
        }
        Charset known = NAMES.get(name.toLowerCase(Locale.ROOT).replaceAll("[-_ ]", ""));
        if (known == null) {
            throw new IllegalArgumentException("--encoding '" + name + "' is not one of: UTF-8, Shift_JIS (also"
                    + " written SJIS, MS932, windows-31j), EUC-JP");
        }
        return known;
    }

    /**
     * Refuses what is not a CSV text file, then runs {@code check} over the whole file in the encoding
     * given (null: UTF-8, else Shift_JIS) and answers the file in the encoding that read it whole.
     */
    public static CsvInput open(Path file, Charset given, Check check) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        refuseWhatIsNotText(file, Arrays.copyOf(head, n));
        if (given != null && !given.equals(StandardCharsets.UTF_8) && isUtf8WithJapanese(file)) {
            throw refused(FileRefused.Problem.OTHER, 0, file, "is UTF-8, not " + label(given) + "; run the import without --encoding");
        }
        CsvInput utf8 = new CsvInput(file, given != null ? given : StandardCharsets.UTF_8);
        try {
            check.read(utf8.reader());
            return utf8;
        } catch (StrictReader.Undecodable e) {
            if (given != null) {
                throw refused(FileRefused.Problem.NOT_UTF8_NOR_SHIFT_JIS, e.line, file, "is not " + label(given) + ": " + e.getMessage()
                        + " cannot be read in it; nothing was imported");
            }
            boolean bom = n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
            if (e.textBefore || bom) {
                throw refused(FileRefused.Problem.BROKEN_UTF8, e.line, file, "is UTF-8 with a broken byte at " + e.getMessage() + "; fix that line"
                        + " (or save the file again from Excel as CSV UTF-8); nothing was imported");
            }
            CsvInput sjis = new CsvInput(file, SHIFT_JIS);
            try {
                check.read(sjis.reader());
                return sjis;
            } catch (StrictReader.Undecodable s) {
                throw refused(FileRefused.Problem.NOT_UTF8_NOR_SHIFT_JIS, e.line, file, "is neither UTF-8 (unreadable at " + e.getMessage() + ") nor Shift_JIS"
                        + " (unreadable at " + s.getMessage() + "); save it from Excel as CSV UTF-8, or name"
                        + " its encoding with --encoding; nothing was imported");
            }
        }
    }

    /** The encoding's name as Excel and the operator call it. */
    public static String label(Charset charset) {
        return charset.equals(SHIFT_JIS) ? "Shift_JIS" : charset.name();
    }

    public Charset charset() {
        return charset;
    }

    /** The file's characters from the start, the byte order mark left out. */
    public Reader reader() throws IOException {
        return new StrictReader(Files.newInputStream(file), charset, file.toString());
    }

    private static void refuseWhatIsNotText(Path file, byte[] head) {
        if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw refused(FileRefused.Problem.NOT_CSV, 0, file, "is an Excel workbook (.xlsx), not CSV: open it in Excel and save it as CSV UTF-8"
                    + " (名前を付けて保存 → CSV UTF-8 (コンマ区切り))");
        }
        if (head.length == 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && head[2] == 0x11
                && (head[3] & 0xff) == 0xE0) {
            throw refused(FileRefused.Problem.NOT_CSV, 0, file, "is an old Excel workbook (.xls), not CSV: open it in Excel and save it as CSV UTF-8");
        }
        if (head.length >= 2 && ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE
                || (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF)) {
            throw refused(FileRefused.Problem.NOT_CSV, 0, file, "is UTF-16 (Excel's \"Unicode text\"), not CSV: save it from Excel as CSV UTF-8");
        }
    }

    private static boolean isUtf8WithJapanese(Path file) throws IOException {
        try (Reader reader = new StrictReader(Files.newInputStream(file), StandardCharsets.UTF_8, file.toString())) {
            char[] buffer = new char[8192];
            boolean nonAscii = false;
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                for (int i = 0; i < n && !nonAscii; i++) {
                    nonAscii = buffer[i] > 0x7f;
                }
            }
            return nonAscii;
        } catch (StrictReader.Undecodable e) {
            return false;
        }
    }

    private static SubscriberException refused(FileRefused.Problem problem, long line, Path file, String what) {
        return new FileRefused(problem, line, file + " " + what);
    }
}
