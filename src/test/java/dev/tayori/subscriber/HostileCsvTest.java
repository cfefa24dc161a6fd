package dev.tayori.subscriber;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.Snapshot;
import dev.tayori.TestWorld;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `subscribers import` fed the CSV files Japanese operators and careless hands really make: Excel's
 * two kinds of CSV, workbooks saved under a .csv name, broken quotes, repeated columns. A refused
 * file changes nothing at all; a bad row is named by its line and the others go in.
 */
class HostileCsvTest {
    static final Charset SJIS = Charset.forName("windows-31j");
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;
    TestWorld world;

    @BeforeEach
    void start() {
        world = new TestWorld(dir, tokyo(2026, 11, 23, 10, 0));
        TestWorld.CliResult aoi = world.cli("subscribers", "add", "aoi@example.jp", "--name", "葵", "--confirmed",
                "--consent-source", "seminar sign-up sheet");
        assertEquals(0, aoi.exitCode(), aoi.err());
    }

    @AfterEach
    void stop() {
        world.close();
    }

    // --- files refused whole: exit 2, one line naming the file (and line), nothing written

    static Stream<Arguments> refusedFiles() {
        return Stream.of(
                refusal("an empty file", new byte[0], "is empty"),
                refusal("a header and no rows", utf8("email,name\r\n"), "has a header row but no readers"),
                refusal("an .xlsx saved under a .csv name", bytes(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}, utf8("[Content_Types].xml")),
                        "is an Excel workbook (.xlsx), not CSV", "CSV UTF-8"),
                refusal("an old .xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1},
                        "is an old Excel workbook (.xls)"),
                refusal("Excel's Unicode text (UTF-16)", bytes(new byte[] {(byte) 0xFF, (byte) 0xFE},
                        "email\tname\n".getBytes(StandardCharsets.UTF_16LE)), "is UTF-16"),
                refusal("a quote never closed on line 3", utf8("email,name\nren@example.jp,蓮\nmio@example.jp,\"澪\nkai@example.jp,海\n"),
                        ":3: the quote \" opened on this line is never closed"),
                refusal("text after a closing quote", utf8("email,name\nren@example.jp,\"蓮\"x\n"),
                        ":2: a quoted cell has more after its closing quote"),
                refusal("a line of 20,000 characters", utf8("email,name\nren@example.jp,蓮\nmio@example.jp," + "澪".repeat(20_000) + "\n"),
                        ":3: the row starting on this line is longer than 10000 characters"),
                refusal("a broken quote swallowing the rest of a long file", utf8("email,name\n\"ren@example.jp,蓮\n"
                        + "mio@example.jp,澪\n".repeat(1000)), ":2: the quote \" opened on this line is not closed within 10000"),
                refusal("a NUL byte", utf8("email,name\nren@example.jp,蓮\nmio@example.jp,澪\0\n"), ":3: this line has a NUL byte"),
                refusal("a column named twice", utf8("email,name,email\nren@example.jp,蓮,ren@example.jp\n"),
                        ":1: the header row: columns 1 and 3 are both email"),
                refusal("a column named twice in other case and spacing", utf8("Email,name, email \nren@example.jp,蓮,x\n"),
                        "columns 1 and 3 are both email"),
                refusal("a misspelt column", utf8("email,nmae\nren@example.jp,蓮\n"), "column 2 'nmae' is not a column the import knows (did you mean name?)"),
                refusal("a Japanese column name", utf8("email,名前\nren@example.jp,蓮\n"), "column 2 '名前' is not a column",
                        "The columns are email, name, timezone, tags, confirmed_at"),
                refusal("a column with no name", utf8("email,,name\nren@example.jp,,蓮\n"), "column 2 has no name"),
                refusal("no email column", utf8("name,tags\n蓮,seminar\n"), "there is no email column"),
                refusal("bytes neither UTF-8 nor Shift_JIS", bytes(utf8("email,name\nren@example.jp,"), new byte[] {(byte) 0x80}, utf8("\n")),
                        "is neither UTF-8 (unreadable at line 2, byte 27 (0x80)) nor Shift_JIS"),
                refusal("a UTF-8 file with one Shift_JIS name (mojibake if re-read as Shift_JIS)",
                        bytes(utf8("email,name\nhana@example.jp,こんにちは\nren@example.jp,"), "あ".getBytes(SJIS), utf8("\n")),
                        "is UTF-8 with a broken byte at line 3"),
                refusal("a UTF-8 file with a BOM and a broken byte", bytes(BOM, utf8("email,name\nren@example.jp,"),
                        new byte[] {(byte) 0x82, (byte) 0xA0}, utf8("\n")), "is UTF-8 with a broken byte at line 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFiles")
    void aFileThatCannotBeImportedWholeIsRefusedAndNothingChanges(String what, byte[] content, String[] expected)
            throws Exception {
        Path csv = write("readers.csv", content);
        assertRefused(expected, "subscribers", "import", csv.toString(), "--consent-source", "paper form");
    }

    static Stream<Arguments> refusedOptions() {
        byte[] sjis = bytes(utf8("email,name\nhanako@example.jp,"), "山田花子".getBytes(SJIS), utf8("\n"));
        byte[] utf8 = utf8("email,name\nhana@example.jp,こんにちは\n");
        return Stream.of(
                Arguments.of("a blank --consent-source", utf8, new String[] {"--consent-source", "   "},
                        new String[] {"--consent-source is empty"}),
                Arguments.of("a --consent-source of two lines", utf8, new String[] {"--consent-source", "paper\nform"},
                        new String[] {"--consent-source must be one line"}),
                Arguments.of("--encoding UTF-8 for a Shift_JIS file", sjis, new String[] {"--encoding", "UTF-8"},
                        new String[] {"is not UTF-8: line 2, byte 30 (0x8E) cannot be read in it"}),
                Arguments.of("--encoding Shift_JIS for a UTF-8 file", utf8, new String[] {"--encoding", "Shift_JIS"},
                        new String[] {"is UTF-8, not Shift_JIS; run the import without --encoding"}),
                Arguments.of("an unknown --encoding", utf8, new String[] {"--encoding", "latin1"},
                        new String[] {"--encoding 'latin1' is not one of: UTF-8, Shift_JIS"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedOptions")
    void aBadOptionIsRefusedAndNothingChanges(String what, byte[] content, String[] options, String[] expected)
            throws Exception {
        Path csv = write("readers.csv", content);
        List<String> args = new ArrayList<>(List.of("subscribers", "import", csv.toString()));
        if (!List.of(options).contains("--consent-source")) {
            args.addAll(List.of("--consent-source", "paper form"));
        }
        args.addAll(List.of(options));
        assertRefused(expected, args.toArray(String[]::new));
    }

    @Test
    void aFolderOrAMissingFileIsOneClearLine() throws Exception {
        assertRefused(new String[] {dir + " is a folder"}, "subscribers", "import", dir.toString(), "--consent-source", "x");
        assertRefused(new String[] {"missing.csv does not exist"}, "subscribers", "import",
                dir.resolve("missing.csv").toString(), "--consent-source", "x");
    }

    // --- Excel's CSVs as they are: read right, every character intact

    @ParameterizedTest(name = "Excel's CSV UTF-8 with {0} line endings")
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void excelsCsvUtf8WithItsByteOrderMarkIsRead(String lineEnd) throws Exception {
        Path csv = write("readers.csv", bytes(BOM, utf8(String.join(lineEnd, "email,name", "hanako@example.jp,山田花子",
                "ren@example.jp,①髙橋"))));
        TestWorld.CliResult r = world.cli("subscribers", "import", csv.toString(), "--consent-source", "paper form");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("imported 2,") && r.out().contains("read as UTF-8"), r.out());
        assertEquals("山田花子", name("hanako@example.jp"));
        assertEquals("①髙橋", name("ren@example.jp"));
    }

    @Test
    void excelsShiftJisCsvIsRecognisedWithItsWindowsCharacters() throws Exception {
        Path csv = write("readers.csv", "email,name\r\nhanako@example.jp,山田花子\r\nmaru@example.jp,①\r\ntaka@example.jp,髙橋\r\n"
                .getBytes(SJIS));
        TestWorld.CliResult r = world.cli("subscribers", "import", csv.toString(), "--consent-source", "paper form");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("imported 3,") && r.out().contains("read as Shift_JIS"), r.out());
        assertEquals("山田花子", name("hanako@example.jp"));
        assertEquals("①", name("maru@example.jp"));
        assertEquals("髙橋", name("taka@example.jp"));
    }

    @ParameterizedTest(name = "--encoding {0}")
    @ValueSource(strings = {"Shift_JIS", "SJIS", "MS932", "windows-31j", "shift-jis"})
    void shiftJisIsTakenUnderEveryNameExcelUsersKnow(String encoding) throws Exception {
        Path csv = write("readers.csv", "email,name\nhanako@example.jp,山田花子\ntaka@example.jp,髙橋①\n".getBytes(SJIS));
        TestWorld.CliResult r = world.cli("subscribers", "import", csv.toString(), "--consent-source", "paper form",
                "--encoding", encoding);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("髙橋①", name("taka@example.jp"));
    }

    @Test
    void eucJpIsTakenWhenNamed() throws Exception {
        Path csv = write("readers.csv", "email,name\nhanako@example.jp,山田花子\n".getBytes("EUC-JP"));
        TestWorld.CliResult r = world.cli("subscribers", "import", csv.toString(), "--consent-source", "paper form",
                "--encoding", "EUC-JP");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("山田花子", name("hanako@example.jp"));
    }

    @Test
    void headersAreMatchedAsExcelUsersTypeThemAndEmptyRowsAreBlankLines() throws Exception {
        Path csv = write("readers.csv", utf8(" Email , NAME ,Confirmed At\nhanako@example.jp,花子,2026/10/01 9:00\n,,\n"));
        TestWorld.CliResult r = world.cli("subscribers", "import", csv.toString(), "--consent-source", "paper form");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("imported 1,") && r.out().contains("0 bad row(s)"), r.out());
        Subscriber hanako = world.app().subscribers().byEmail("hanako@example.jp");
        assertEquals("花子", hanako.name());
        assertEquals(tokyo(2026, 10, 1, 9, 0), hanako.confirmedAt(), "a time without offset is Japan time");
    }

    // --- bad rows: named by line, the other rows imported

    static Stream<Arguments> badRows() {
        return Stream.of(
                Arguments.of("fewer columns", "bad@example.jp", ":3: expected 2 columns, found 1; row skipped"),
                Arguments.of("more columns", "bad@example.jp,悪,extra", ":3: expected 2 columns, found 3; row skipped"),
                Arguments.of("a control character in the name", "bad@example.jp,悪\u0007子", ":3: the name contains a control character (U+0007"),
                Arguments.of("a line break in a quoted name", "bad@example.jp,\"悪\n子\"", ":4: the name must not contain line breaks; row skipped"),
                Arguments.of("a name over 100 characters", "bad@example.jp," + "長".repeat(101), ":3: the name is longer than 100 characters"),
                Arguments.of("not an address", "悪い住所,悪", ":3: "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void aBadRowIsNamedByItsLineAndTheOthersAreImported(String what, String row, String expected) throws Exception {
        Path csv = write("readers.csv", utf8("email,name\nren@example.jp,蓮\n" + row + "\nmio@example.jp,澪\n"));
        TestWorld.CliResult r = world.cli("subscribers", "import", csv.toString(), "--consent-source", "paper form");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains(csv + expected), r.err());
        assertTrue(r.out().contains("imported 2,") && r.out().contains("1 bad row(s)"), r.out());
        assertEquals(3, world.app().subscribers().page(0, 10).size(), "aoi, ren and mio; not the bad row");
    }

    static Stream<Arguments> badCells() {
        return Stream.of(
                Arguments.of("confirmed_at", "2027-01-01T09:00+09:00", "confirmed_at '2027-01-01T09:00+09:00' is in the future"),
                Arguments.of("confirmed_at", "+999999999-12-31T23:59Z", "confirmed_at '+999999999-12-31T23:59Z' is in the future"),
                Arguments.of("confirmed_at", "0226-10-01T09:00+09:00", "confirmed_at '0226-10-01T09:00+09:00' is before 2000; is the year right?"),
                Arguments.of("confirmed_at", "2026-02-30", "confirmed_at '2026-02-30' is not an instant such as 2026-11-24T07:00+09:00"),
                Arguments.of("timezone", "Tokyo", "timezone 'Tokyo' is not a time zone: did you mean Asia/Tokyo?"),
                Arguments.of("timezone", "Mars/Olympus", "timezone 'Mars/Olympus' is not a time zone (e.g. Asia/Tokyo)"),
                Arguments.of("status", "unsubscribed", "the status is unsubscribed; only confirmed readers are imported"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badCells")
    void aBadCellIsNamedByItsLineAndColumn(String column, String value, String expected) throws Exception {
        Path csv = write("readers.csv", utf8("email,name," + column + "\nren@example.jp,蓮,\nbad@example.jp,悪," + value + "\n"));
        TestWorld.CliResult r = world.cli("subscribers", "import", csv.toString(), "--consent-source", "paper form");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains(csv + ":3: " + expected), r.err());
        assertTrue(r.out().contains("imported 1,") && r.out().contains("1 bad row(s)"), r.out());
    }

    @Test
    void jstIsJapanTime() throws Exception {
        Path csv = write("readers.csv", utf8("email,name,timezone\nren@example.jp,蓮,JST\n"));
        assertEquals(0, world.cli("subscribers", "import", csv.toString(), "--consent-source", "paper form").exitCode());
        assertEquals(java.time.ZoneId.of("Asia/Tokyo"), world.app().subscribers().byEmail("ren@example.jp").timeZone());
    }

    @Test
    void anAddressTwiceInOneFileIsOneReaderAndTheSecondIsReported() throws Exception {
        Path csv = write("readers.csv", utf8("email,name\nren@example.jp,蓮\nmio@example.jp,澪\nren@example.jp,蓮二\n"));
        TestWorld.CliResult r = world.cli("subscribers", "import", csv.toString(), "--consent-source", "paper form");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains(csv + ":4: ren@example.jp is already on line 2 of this file; only the first is imported"),
                r.err());
        assertTrue(r.out().contains("imported 2,") && r.out().contains("1 repeated in the file"), r.out());
        assertEquals("蓮", name("ren@example.jp"));
    }

    @Test
    void aBrokenQuoteAfterGoodRowsImportsNoneOfThem() throws Exception {
        StringBuilder rows = new StringBuilder("email,name\n");
        for (int i = 1; i <= 2500; i++) { // past two batches of SubscriberImport.BATCH
            rows.append("reader").append(i).append("@example.jp,読者").append(i).append('\n');
        }
        rows.append("late@example.jp,\"遅\n");
        Path csv = write("readers.csv", utf8(rows.toString()));
        assertRefused(new String[] {csv + ":2502: the quote \" opened on this line is never closed; nothing was imported"},
                "subscribers", "import", csv.toString(), "--consent-source", "paper form");
    }

    // --- the export: nothing a stranger typed runs as a formula, and it imports back as it was

    @Test
    void everyCellASpreadsheetWouldRunIsQuotedAndTheExportImportsBackAsItWas() throws Exception {
        Path csv = write("readers.csv", utf8("email,name,timezone,tags\n"
                + "evil@example.jp,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",,\n"
                + "=eq@example.jp,+81 3 1234 5678,-05:00,-vip\n"
                + "-dash@example.jp,-1+2,+09:00,\n"
                + "+plus@example.jp,@SUM(A1),,\n"
                + "plain@example.jp,山田-花子,Asia/Tokyo,seminar\n"));
        TestWorld.CliResult in = world.cli("subscribers", "import", csv.toString(), "--consent-source", "=1+2 form");
        assertTrue(in.out().contains("imported 5,") && in.out().contains("0 bad row(s)"), in.out() + in.err());
        assertEquals(0, world.cli("subscribers", "add", "quote@example.jp", "--name", "'=already quoted", "--confirmed",
                "--consent-source", "@seminar").exitCode());
        Path export = dir.resolve("export.csv");
        TestWorld.CliResult r = world.cli("subscribers", "export", "--output", export.toString());
        assertEquals(0, r.exitCode(), r.err());

        List<List<String>> rows = readCsv(export);
        assertEquals(List.of(SubscriberExport.COLUMNS), rows.get(0), "the header, after the byte order mark");
        for (List<String> row : rows) {
            for (String cell : row) {
                assertFalse(cell.matches("(?s)[=+\\-@\t\r].*"), "a live formula: " + cell);
            }
        }
        assertTrue(rows.stream().anyMatch(row -> row.get(1).equals("'=HYPERLINK(\"http://evil\",\"x\")")), rows.toString());
        assertTrue(rows.stream().anyMatch(row -> row.equals(List.of("'=eq@example.jp", "'+81 3 1234 5678", "confirmed",
                "'-05:00", "'-vip")) || row.subList(0, 5).equals(List.of("'=eq@example.jp", "'+81 3 1234 5678",
                "confirmed", "'-05:00", "'-vip"))), rows.toString());
        assertTrue(rows.stream().anyMatch(row -> row.get(1).equals("''=already quoted")), rows.toString());
        assertTrue(rows.stream().anyMatch(row -> row.get(1).equals("山田-花子")), "a dash inside is left alone");

        try (TestWorld other = new TestWorld(Files.createDirectories(dir.resolve("other")), tokyo(2026, 11, 24, 10, 0))) {
            TestWorld.CliResult back = other.cli("subscribers", "import", export.toString(), "--consent-source", "moved");
            assertEquals(0, back.exitCode(), back.err());
            assertTrue(back.out().contains("imported 7,") && back.out().contains("0 bad row(s)"), back.out() + back.err());
            Subscribers moved = other.app().subscribers();
            assertEquals("=HYPERLINK(\"http://evil\",\"x\")", moved.byEmail("evil@example.jp").name());
            assertEquals("+81 3 1234 5678", moved.byEmail("=eq@example.jp").name());
            assertEquals(java.time.ZoneId.of("-05:00"), moved.byEmail("=eq@example.jp").timeZone());
            assertEquals("-1+2", moved.byEmail("-dash@example.jp").name());
            assertEquals("@SUM(A1)", moved.byEmail("+plus@example.jp").name());
            assertEquals("'=already quoted", moved.byEmail("quote@example.jp").name());
            assertEquals(List.of("-vip"), other.app().jdbi().withExtension(SubscriberDao.class,
                    dao -> dao.tagsOf(moved.byEmail("=eq@example.jp").id())));
        }
    }

    @ParameterizedTest(name = "a name stored before names were checked, starting with U+{0}")
    @ValueSource(ints = {0x09, 0x0D})
    void aTabOrCarriageReturnBeforeAFormulaIsQuotedToo(int first) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(world.databaseUrl());
                var update = c.prepareStatement("UPDATE subscribers SET name = ? WHERE email = 'aoi@example.jp'")) {
            update.setString(1, (char) first + "=cmd|'/c calc'!A1");
            assertEquals(1, update.executeUpdate());
        }
        TestWorld.CliResult r = world.cli("subscribers", "export", "--encoding", "UTF-8");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("email,name,"), "no byte order mark with --encoding UTF-8");
        assertTrue(r.out().contains(",'" + (char) first + "=cmd|'/c calc'!A1") || r.out().contains(",\"'" + (char) first + "=cmd|'/c calc'!A1\""), r.out());
    }

    @Test
    void theExportStartsWithAByteOrderMarkSoExcelReadsItsJapanese() throws Exception {
        Path export = dir.resolve("export.csv");
        assertEquals(0, world.cli("subscribers", "export", "--output", export.toString()).exitCode());
        byte[] bytes = Files.readAllBytes(export);
        assertEquals(List.of(BOM[0], BOM[1], BOM[2]), List.of(bytes[0], bytes[1], bytes[2]));
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("aoi@example.jp,葵,confirmed"));
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith(".tayori-export")), "no temporary file left");
        }
    }

    static Stream<Arguments> refusedExports() {
        return Stream.of(
                Arguments.of("a folder", new String[] {"--output", "."}, new String[] {"is a folder; give a file name"}),
                Arguments.of("a missing folder", new String[] {"--output", "no/such/folder/out.csv"},
                        new String[] {"the folder", "does not exist"}),
                Arguments.of("a file taken for a folder", new String[] {"--output", "notes.txt/out.csv"},
                        new String[] {"notes.txt is a file, not a folder"}),
                Arguments.of("an empty name", new String[] {"--output", ""}, new String[] {"--output is empty; give a file name"}),
                Arguments.of("an unknown encoding", new String[] {"--output", "out.csv", "--encoding", "Shift_JIS"},
                        new String[] {"--encoding 'Shift_JIS' for an export is UTF-8-BOM"}));
    }

    @ParameterizedTest(name = "export to {0}")
    @MethodSource("refusedExports")
    void anExportThatCannotBeWrittenIsOneClearLineAndNoFile(String what, String[] options, String[] expected)
            throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "not a folder");
        List<String> args = new ArrayList<>(List.of("subscribers", "export"));
        for (String option : options) {
            args.add(option.equals("--output") || option.startsWith("--") || !option.contains("/") && !option.equals(".")
                    && !option.endsWith(".csv") ? option : dir.resolve(option).toString());
        }
        try (Stream<Path> files = Files.list(dir)) {
            long before = files.count();
            assertRefused(expected, args.toArray(String[]::new));
            try (Stream<Path> after = Files.list(dir)) {
                assertEquals(before, after.count(), "no file written");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"=1+1", "+1", "-1", "@A1", "\t=1", "\r=1", "'=1", "''-1"})
    void aCellThatWouldBeAFormulaIsQuotedAndTheQuoteComesOffAgain(String value) {
        String cell = SpreadsheetCell.neutralise(value);
        assertEquals("'" + value, cell);
        assertEquals(value, SpreadsheetCell.restore(cell));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"山田花子", "a-b", "hanako@example.jp", "'quoted", "2026-11-24T07:00Z", ""})
    void aPlainCellIsWrittenAndReadAsItIs(String value) {
        assertEquals(value, SpreadsheetCell.neutralise(value));
        assertEquals(value, SpreadsheetCell.restore(value));
    }

    private static List<List<String>> readCsv(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "a byte order mark first");
        List<List<String>> rows = new ArrayList<>();
        try (var parser = org.apache.commons.csv.CSVParser.parse(text.substring(1), org.apache.commons.csv.CSVFormat.DEFAULT)) {
            for (var record : parser) {
                rows.add(record.toList());
            }
        }
        return rows;
    }

    // --- helpers

    private void assertRefused(String[] expected, String... args) {
        Snapshot before = Snapshot.of(world);
        TestWorld.CliResult r = world.cli(args);
        assertEquals(2, r.exitCode(), r.err() + r.out());
        for (String e : expected) {
            assertTrue(r.err().contains(e), "expected «" + e + "» in: " + r.err());
        }
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals(before, Snapshot.of(world), "a refused file changes nothing");
    }

    private String name(String email) {
        return world.app().subscribers().byEmail(email).name();
    }

    private Path write(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private static Arguments refusal(String what, byte[] content, String... expected) {
        return Arguments.of(what, content, expected);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Before: the cell was echoed as it was, so ESC [2J in a tag cleared the operator's terminal. */
    static Stream<Arguments> cellsWithControlCharacters() {
        return Stream.of(
                Arguments.of("tags", "email,name,tags\ngood@example.jp,良,\nbad@example.jp,悪,vip\u001B[2J\n",
                        ":3: tag 'vip\\u001B[2J' may only hold"),
                Arguments.of("timezone", "email,name,timezone\ngood@example.jp,良,\nbad@example.jp,悪,Asia/Tokyo\u001B[31m\n",
                        ":3: timezone 'Asia/Tokyo\\u001B[31m' is not"),
                Arguments.of("confirmed_at", "email,name,confirmed_at\ngood@example.jp,良,\nbad@example.jp,悪,2026-11-01\u202E\n",
                        ":3: confirmed_at '2026-11-01\\u202E' "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cellsWithControlCharacters")
    void aControlCharacterInARefusedCellIsShownNotSentToTheTerminal(String column, String content, String says) throws Exception {
        Path csv = write("readers.csv", utf8(content));
        TestWorld.CliResult r = world.cli("subscribers", "import", csv.toString(), "--consent-source", "paper form");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains(says), r.err());
        assertFalse(r.err().contains("\u001B") || r.err().contains("\u202E"), r.err());
        assertTrue(r.out().contains("imported 1,"), r.out());
        assertEquals("良", name("good@example.jp"));
    }

    /** Before: "cannot write /proc/x.csv: /proc/.tayori-export-1038036732010887972.csv", the name of a file nobody made. */
    @Test
    void anExportIntoAFolderThatTakesNoFilesSaysSoWithoutATemporaryName() {
        assertRefused(new String[] {"cannot write /proc/subscribers.csv: "}, "subscribers", "export", "--output", "/proc/subscribers.csv");
        TestWorld.CliResult r = world.cli("subscribers", "export", "--output", "/proc/subscribers.csv");
        assertFalse(r.err().contains(".tayori-export"), r.err());
    }

    /** Before: the export was moved onto the link's name, so the link became a file and kept.csv stayed empty. */
    @Test
    void anExportToALinkGoesIntoTheFileItPointsToAndTheLinkStays() throws Exception {
        Path kept = Files.writeString(dir.resolve("kept.csv"), "");
        Path link = Files.createSymbolicLink(dir.resolve("latest.csv"), kept);
        assertEquals(0, world.cli("subscribers", "export", "--output", link.toString()).exitCode());
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
        assertTrue(Files.readString(kept).contains("aoi@example.jp,葵,confirmed"), Files.readString(kept));
    }

    /**
     * A named pipe (as /dev/stdout or a pipe into gzip is) is written to, not replaced: moving a file onto
     * it replaced it, and as root did the same to /dev/null or /dev/full. Before the fix the reader below
     * never got a byte.
     */
    @Test
    void anExportToAPipeIsWrittenIntoThePipe() throws Exception {
        Path fifo = dir.resolve("pipe");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        java.util.concurrent.CompletableFuture<String> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(Files.readAllBytes(fifo), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return "read failed: " + e;
            }
        });
        Thread.sleep(200);
        java.util.concurrent.CompletableFuture<TestWorld.CliResult> export = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> world.cli("subscribers", "export", "--output", fifo.toString()));
        try {
            String text = read.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(text.contains("aoi@example.jp,葵,confirmed"), text);
            assertEquals(0, export.get(20, java.util.concurrent.TimeUnit.SECONDS).exitCode());
        } finally {
            if (!read.isDone()) { // unblock the reader's open so the test ends
                try (var unblock = Files.newOutputStream(fifo)) {
                    unblock.flush();
                }
            }
        }
        assertFalse(Files.isRegularFile(fifo), "the pipe was replaced by a file");
    }

    /** Before: /dev/full said "wrote N subscriber(s)", exit 0: a full disk went unnoticed. */
    @Test
    void anExportToAFullDeviceSaysSoAndExitsTwo() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")) && !Files.isRegularFile(Path.of("/dev/full")));
        Path full = Path.of("/dev/full");
        // a link in our folder: were the fix missing, the link (not /dev/full) is what would be replaced
        Path link;
        try {
            link = Files.createSymbolicLink(dir.resolve("full.csv"), full);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        TestWorld.CliResult r = world.cli("subscribers", "export", "--output", link.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("No space left on device"), r.err());
        assertFalse(Files.isRegularFile(full), "/dev/full was replaced");
    }
}
