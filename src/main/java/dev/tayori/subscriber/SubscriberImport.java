package dev.tayori.subscriber;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports subscribers whose consent the operator obtained elsewhere, from CSV with a header row
 * (email, name; optional timezone, tags, confirmed_at). All or nothing for the file: {@link #plan}
 * reads the whole file once (encoding, quotes, header, row lengths) and writes nothing, so a broken
 * quote on line 50,000 is refused before a single row is written. {@link #run} then streams the file
 * again and writes in batched transactions, so 100,000 rows take seconds and little memory. A bad
 * row is reported by its line and skipped; an address already known is skipped, never overwritten.
 */
public final class SubscriberImport {
    static final int BATCH = 1000;
    static final int SOURCE_LIMIT = ConsentRecord.SOURCE_LIMIT;

    /** A file read whole without a problem: how to read it again, and how many rows it has. */
    public record Plan(Path file, CsvInput input, String consentSource, long rows) {
    }

    /**
     * The outcome: counts, each bad row by its line and why, and each address met again in the file
     * (only its first row is imported). {@link SkippedRow#english} words them for the command line.
     */
    public record Result(int imported, int known, List<SkippedRow> repeats, List<SkippedRow> problems) {
    }

    private interface Visitor {
        void row(ImportRows rows, CSVRecord record, long line);
    }

    private final Jdbi jdbi;
    private final ZoneId defaultZone;
    private final Instant now;

    public SubscriberImport(Jdbi jdbi, ZoneId defaultZone, Instant now) {
        this.jdbi = jdbi;
        this.defaultZone = defaultZone;
        this.now = now;
    }

    /**
     * Reads the whole file and refuses it (a SubscriberException naming file:line) if it cannot be
     * imported whole; writes nothing.
     *
     * @param encoding the operator's --encoding, or null to take UTF-8 or else Shift_JIS
     */
    public Plan plan(Path file, Charset encoding, String consentSource) throws IOException {
        String source = consentSource(consentSource);
        if (Files.isDirectory(file)) {
            throw refused(file + " is a folder; give the CSV file inside it");
        }
        if (!Files.isRegularFile(file)) {
            throw refused(file + " does not exist");
        }
        if (Files.size(file) == 0) {
            throw refused(file + " is empty; its first row must name the columns (email, name, ...)");
        }
        long[] rows = new long[1];
        CsvInput input = CsvInput.open(file, encoding, reader -> rows[0] = read(reader, file.toString(), null));
        if (rows[0] == 0) {
            throw new FileRefused(FileRefused.Problem.NO_ROWS, 0, file + " has a header row but no readers under it;"
                    + " nothing was imported");
        }
        return new Plan(file, input, source, rows[0]);
    }

    /**
     * @param enroll called for each imported subscriber inside its batch's transaction (e.g. start the
     *     workbook), or null to import without enrolling
     * @param progress told the number of rows read so far
     */
    public Result run(Plan plan, Enroll enroll, LongConsumer progress) throws IOException {
        String fileName = plan.file().toString();
        List<SkippedRow> problems = new ArrayList<>();
        List<SkippedRow> repeats = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        List<ImportRows.Row> batch = new ArrayList<>(BATCH);
        int[] counts = new int[2]; // imported, known
        long[] done = new long[1];
        java.util.function.Predicate<dev.tayori.mail.EmailAddress> suppressed = dev.tayori.erasure.SuppressionList.snapshot(jdbi);
        try (Reader reader = plan.input().reader()) {
            read(reader, fileName, (rows, record, line) -> {
                done[0]++;
                try {
                    ImportRows.Row row = rows.parse(record, line);
                    Long first = seen.putIfAbsent(row.address().key(), line);
                    if (suppressed.test(row.address())) {
                        throw new RowRefused(new SkipReason.Suppressed(row.address().address(),
                                Subscribers.suppressed(row.address(), "").getMessage()));
                    }
                    if (first != null) {
                        repeats.add(new SkippedRow(line, new SkipReason.Repeated(row.address().address(), first)));
                    } else {
                        batch.add(row);
                    }
                } catch (RowRefused e) {
                    problems.add(new SkippedRow(line, e.reason()));
                }
                if (batch.size() == BATCH) {
                    flush(batch, plan, enroll, counts);
                    progress.accept(done[0]);
                }
            });
        }
        flush(batch, plan, enroll, counts);
        progress.accept(done[0]);
        return new Result(counts[0], counts[1], repeats, problems);
    }

    private void flush(List<ImportRows.Row> batch, Plan plan, Enroll enroll, int[] counts) {
        int written = write(batch, plan.file().toString(), plan.consentSource(), enroll);
        counts[0] += written;
        counts[1] += batch.size() - written; // already subscribers before this import
        batch.clear();
    }

    /** Visits every data row (null: only reads them); answers how many there are. */
    private long read(Reader reader, String fileName, Visitor visitor) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).build();
        CSVParser parser = CSVParser.parse(reader, format);
        long line = 0;
        try (parser) {
            Iterator<CSVRecord> records = parser.iterator();
            ImportRows rows = null;
            long count = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                // at the end of a file without a final line break the parser counts one line short
                line = Math.max(parser.getCurrentLineNumber(), line + 1);
                if (rows == null) {
                    rows = new ImportRows(ImportHeader.of(record, fileName, line), defaultZone, now);
                } else if (!blank(record)) {
                    count++;
                    if (visitor != null) {
                        visitor.row(rows, record, line);
                    }
                }
            }
            return count;
        } catch (UncheckedIOException e) {
            long at = Math.max(parser.getCurrentLineNumber(), line + 1);
            throw new FileRefused(FileRefused.Problem.OTHER, at, fileName + ":" + at + ": " + csvProblem(e.getCause())
                    + "; nothing was imported");
        }
    }

    // Excel writes a row of empty cells (",,") for a row that was touched and emptied: a blank line.
    private static boolean blank(CSVRecord record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String csvProblem(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.toLowerCase(java.util.Locale.ROOT).contains("between encapsulated token and delimiter")) {
            return "a quoted cell has more after its closing quote (inside quotes, write a quote as \"\")";
        }
        return "cannot be read as CSV (" + message + ")";
    }

    /** How these readers agreed, as the consent record keeps it: required, one line, not too long. */
    static String consentSource(String text) {
        String problem = ConsentRecord.sourceProblem(text);
        if (problem != null) {
            throw refused("--consent-source " + problem + "; nothing was imported");
        }
        return text.strip();
    }

    private static SubscriberException refused(String message) {
        return new SubscriberException(SubscriberException.Kind.INVALID, message);
    }

    private static final String INSERT = dev.tayori.db.SqlFile.of(SubscriberImport.class, "insert");
    private static final String CONSENT = dev.tayori.db.SqlFile.of(SubscriberImport.class, "consent");
    private static final String TAG = dev.tayori.db.SqlFile.of(SubscriberImport.class, "tag");

    /**
     * Writes a batch in one transaction, through statements prepared once for the batch: through the
     * DAO, preparing two statements per row cost nearly half a millisecond a row.
     */
    private int write(List<ImportRows.Row> rows, String fileName, String consentSource, Enroll enroll) {
        if (rows.isEmpty()) {
            return 0;
        }
        try {
            return jdbi.<Integer, java.sql.SQLException>inTransaction(h -> writeBatch(h, rows, fileName, consentSource, enroll));
        } catch (java.sql.SQLException e) {
            throw new dev.tayori.db.DatabaseException("cannot write the imported rows up to line " + rows.get(rows.size() - 1).line()
                    + " of " + fileName + " (the rows before are imported; importing the file again skips them): "
                    + e.getMessage(), e);
        }
    }

    private int writeBatch(Handle h, List<ImportRows.Row> rows, String fileName, String consentSource, Enroll enroll)
            throws java.sql.SQLException {
        java.sql.Connection c = h.getConnection();
        int written = 0;
        try (java.sql.PreparedStatement insert = c.prepareStatement(INSERT);
                java.sql.PreparedStatement consent = c.prepareStatement(CONSENT);
                java.sql.PreparedStatement tag = c.prepareStatement(TAG)) {
            for (ImportRows.Row row : rows) {
                Long id = insert(insert, row);
                if (id == null) {
                    continue; // already a subscriber: kept as it is
                }
                consent.setLong(1, id);
                consent.setLong(2, row.confirmedAt().toEpochMilli());
                consent.setString(3, consentSource);
                consent.setString(4, "import " + fileName + ":" + row.line());
                consent.addBatch();
                for (String t : row.tags()) {
                    tag.setLong(1, id);
                    tag.setString(2, t);
                    tag.addBatch();
                }
                if (enroll != null) {
                    enroll.enroll(h, id, row.confirmedAt());
                }
                written++;
            }
            consent.executeBatch();
            tag.executeBatch();
        }
        return written;
    }

    /** The new subscriber's id, or null when the address is already known. */
    private Long insert(java.sql.PreparedStatement insert, ImportRows.Row row) throws java.sql.SQLException {
        insert.setString(1, row.address().address());
        insert.setString(2, row.address().key());
        insert.setString(3, row.name());
        insert.setString(4, row.zone().getId());
        insert.setString(5, Tokens.newToken());
        insert.setLong(6, now.toEpochMilli());
        insert.setLong(7, row.confirmedAt().toEpochMilli());
        try (java.sql.ResultSet rs = insert.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    /** Starts a sequence for an imported subscriber, in the import's transaction. */
    public interface Enroll {
        void enroll(Handle handle, long subscriberId, Instant at);
    }
}
