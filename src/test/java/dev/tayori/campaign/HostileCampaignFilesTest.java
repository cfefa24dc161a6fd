package dev.tayori.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.TestWorld.CliResult;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Campaign files as a careless edit, another program or an attacker leaves them: `campaigns validate`
 * names the file and line and says what to change, exits 2, shows no stack trace, and changes nothing.
 */
class HostileCampaignFilesTest {
    /** A good announcement: kind on line 1, name 2, subject 3, template 4, segment 5. */
    static final String GOOD = """
            kind: announcement
            name: 春の講座
            subject: "春の講座のご案内"
            template: campaigns/course-early-booking/mail
            segment: all
            """;
    static final String INVISIBLE = "): readers would see something else than you wrote; delete it";
    static final String ONE_LINE = ": write it as one line of plain text";
    static final String EMPTY_SUBJECT = ":3: 'subject' is empty; for example: subject: \"【先行案内】12月のオンライン講座\"";

    @TempDir
    Path dir;
    OperatorFolders folders;
    Path spring;

    @BeforeEach
    void copyTheShippedFiles() {
        folders = new OperatorFolders(dir);
        spring = folders.campaigns.resolve("spring.yaml");
    }

    @AfterEach
    void stop() {
        folders.close();
    }

    private static String line(int n, String text) {
        String[] lines = GOOD.split("\n");
        lines[n - 1] = text;
        return String.join("\n", lines) + "\n";
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }

    static Stream<Arguments> hostileFiles() {
        String laughs = "kind: announcement\nlol0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n";
        for (int i = 1; i < 9; i++) {
            String a = "*a" + (i - 1);
            laughs += "lol" + i + ": &a" + i + " [" + String.join(", ", a, a, a, a, a, a, a, a, a) + "]\n";
        }
        String anchors = "anchors and aliases (&name, *name) are not used in campaign files: write each value out where it"
                + " is needed";
        return Stream.of(
                Arguments.of("a key given twice", GOOD.replace("segment: all", "subject: \"別の件名\""),
                        ":5: 'subject' is given twice (first on line 3); only one can count: delete the one you did not mean"),
                Arguments.of("a key given twice in a step", "kind: sequence\nsteps:\n  - subject: \"a\"\n    subject: \"b\"\n"
                        + "    template: campaigns/workbook/lesson-1\n",
                        ":4: 'subject' is given twice (first on line 3); only one can count: delete the one you did not mean"),
                Arguments.of("a billion laughs", laughs, ":2: " + anchors),
                Arguments.of("an alias of a value", GOOD.replace("name: 春の講座", "name: &n 春の講座\nsegment2: *n"), ":2: " + anchors),
                Arguments.of("a file over 1 MB", GOOD + ("# " + "あ".repeat(100) + "\n").repeat(3500),
                        ": is larger than 1 MB; a campaign file is a few lines of settings (is this the right file?)"),
                Arguments.of("a file saved as Shift_JIS", concat("kind: announcement\nname: spring\nsubject: \"",
                        "春の講座のご案内".getBytes(Charset.forName("Shift_JIS")), "\"\ntemplate: campaigns/course-early-booking/mail\n"),
                        ":3: this line is not UTF-8 text (saved as Shift_JIS?): save the file as UTF-8 in your editor"),
                Arguments.of("a Latin-1 byte", concat("kind: announcement\nname: caf", new byte[] {(byte) 0xE9}, "\n"),
                        ":2: this line is not UTF-8 text (saved as Shift_JIS?): save the file as UTF-8 in your editor"),
                Arguments.of("a NUL byte", line(2, "name: 春の\u0000講座"),
                        ":2: this line has an invisible control character (U+0000) that has no place in a campaign file: delete it"),
                Arguments.of("an escape character", line(3, "subject: 春の\u001B[31m講座"),
                        ":3: this line has an invisible control character (U+001B) that has no place in a campaign file: delete it"),
                Arguments.of("CR LF and a header in a subject", line(3, "subject: \"春の講座\\r\\nBcc: everyone@example.jp\""),
                        ":3: 'subject' has a line break in it (U+000D)" + ONE_LINE),
                Arguments.of("a subject written as a block of two lines", line(3, "subject: |\n  一行目\n  二行目"),
                        ":3: 'subject' has a line break in it (U+000A)" + ONE_LINE),
                Arguments.of("a tab in a subject", line(3, "subject: \"春の\\t講座\""), ":3: 'subject' has a tab in it (U+0009)" + ONE_LINE),
                Arguments.of("a bell in a subject", line(3, "subject: \"春の\\a講座\""),
                        ":3: 'subject' has a control character in it (U+0007)" + ONE_LINE),
                Arguments.of("a Unicode line separator in a subject", line(3, "subject: \"春の\\L講座\""),
                        ":3: 'subject' has a line break in it (U+2028)" + ONE_LINE),
                Arguments.of("a subject that renders a line break", line(3, "subject: \"${'春の\\\\n講座'}\""),
                        ":3: the subject comes out with a line break or control character (U+000A) in it; a subject is one line"
                                + " of text, and every send of this one would fail"),
                Arguments.of("a subject of spaces", line(3, "subject: \"   \""), EMPTY_SUBJECT),
                Arguments.of("a subject of full-width spaces", line(3, "subject: \"\u3000\u3000\""), EMPTY_SUBJECT),
                // Before: these passed validate; the mail went out with a subject that reads as nothing
                Arguments.of("a subject of no-break spaces", line(3, "subject: \"\\u00A0\\u202F\""), EMPTY_SUBJECT),
                Arguments.of("a subject of Hangul fillers", line(3, "subject: \"\u3164\u3164\""), EMPTY_SUBJECT),
                // Before: passed validate; readers saw the subject backwards, or a '?' for the broken emoji
                Arguments.of("a bidi override in a subject", line(3, "subject: \"春の\\u202E講座\""),
                        ":3: 'subject' has an invisible character in it (U+202E RIGHT-TO-LEFT OVERRIDE" + INVISIBLE),
                Arguments.of("a zero-width space in a name", line(2, "name: \"春の\\u200B講座\""),
                        ":2: 'name' has an invisible character in it (U+200B ZERO WIDTH SPACE" + INVISIBLE),
                Arguments.of("a byte order mark inside a subject", line(3, "subject: \"春の\\uFEFF講座\""),
                        ":3: 'subject' has an invisible character in it (U+FEFF ZERO WIDTH NO-BREAK SPACE" + INVISIBLE),
                Arguments.of("half an emoji in a subject", line(3, "subject: \"春の\\uD83C講座\""),
                        ":3: 'subject' has an invisible character in it (U+D83C " + Character.getName(0xD83C) + INVISIBLE),
                Arguments.of("a subject that renders empty", line(3, "subject: \"${''}\""),
                        ":3: the subject comes out empty; write the words readers see, like \"こころの便り 第${issue.number}号\""),
                Arguments.of("a template outside templates/", line(4, "template: ../../etc/passwd"),
                        ":4: 'template': '../../etc/passwd' points outside the templates folder or has an empty part: write it"
                                + " relative to templates/, like campaigns/workbook/lesson-1"),
                Arguments.of("an absolute template path", line(4, "template: /etc/passwd"),
                        ":4: 'template': '/etc/passwd' is not a path inside the templates folder: write it relative to"
                                + " templates/ with forward slashes, like campaigns/workbook/lesson-1"),
                Arguments.of("a Windows template path", line(4, "template: 'C:\\Users\\mail'"),
                        ":4: 'template': 'C:\\Users\\mail' is not a path inside the templates folder: write it relative to"
                                + " templates/ with forward slashes, like campaigns/workbook/lesson-1"),
                Arguments.of("a template with its suffix", line(4, "template: campaigns/course-early-booking/mail.ftlh"),
                        ":4: 'template': write the template's name without .ftlh or .txt.ftl (both files are used):"
                                + " campaigns/course-early-booking/mail"),
                Arguments.of("a time of day that does not exist", "kind: sequence\nsend-at: \"25:00\"\nsteps:\n  - subject: a\n"
                        + "    template: campaigns/workbook/lesson-1\n", ":2: send-at '25:00' is not a time of day; write it like \"07:00\""),
                Arguments.of("a negative number", GOOD + "catch-up-hours: -5\n", ":6: 'catch-up-hours' must be between 0 and 72, not -5"),
                Arguments.of("an enormous number", GOOD + "catch-up-hours: 99999999999999999999\n",
                        ":6: 'catch-up-hours' must be a whole number, not '99999999999999999999'"),
                Arguments.of("a tab used to indent", line(3, "\tsubject: \"春の講座のご案内\""),
                        ":3: not valid YAML: a tab is used to indent this line; YAML needs spaces (indent with two spaces)"),
                Arguments.of("a quote never closed", line(3, "subject: \"春の講座のご案内"),
                        ":3: not valid YAML: a quote opened on this line is never closed; end the text with the same quote mark"),
                Arguments.of("a line without its colon", line(2, "name 春の講座"),
                        ":2: not valid YAML: this line has no ':'; each line is key: value (or '- ' for an item of a list)"),
                Arguments.of("a colon inside an unquoted value", line(3, "subject: 講座: 春"),
                        ":3: not valid YAML: a ':' followed by a space inside a value, or a line indented more than the one"
                                + " above: put text that holds ': ' in quotes, or line the keys up"),
                Arguments.of("a second document", GOOD + "---\nkind: sequence\n",
                        ":6: not valid YAML: a second document begins here ('---'); a campaign file holds one"),
                Arguments.of("a YAML tag that would build an object", line(2, "name: !!javax.script.ScriptEngineManager [x]"),
                        ":2: not valid YAML: YAML tags (!!name) are not used in campaign files; remove it"),
                Arguments.of("lists nested a thousand deep", line(2, "name: " + "[".repeat(1000) + "]".repeat(1000)),
                        ": not valid YAML: lists or mappings are nested deeper than 20 levels"),
                Arguments.of("an empty file", "", ":1: the file is empty; a campaign file begins with kind: sequence,"
                        + " kind: newsletter or kind: announcement"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void aHostileCampaignFileIsRefusedWithItsLineAndChangesNothing(String what, Object content, String expected) {
        if (content instanceof byte[] bytes) {
            folders.write(spring, bytes);
        } else {
            folders.write(spring, (String) content);
        }
        assertRefused(spring + expected);
    }

    private void assertRefused(String expected) {
        CliResult result = folders.validate();
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("  " + expected + "\n"), "expected " + expected + "\n in " + result.err());
        assertFalse(result.err().contains("\tat ") || result.err().contains("org.yaml"), "no internals: " + result.err());
    }

    @Test
    void aParameterGivenTwiceInTheNewsletterLinksIsRefused() {
        Path file = folders.campaigns.resolve("newsletter.yaml");
        folders.write(file, folders.read(file).replace("  utm_medium: email\n", "  utm_medium: email\n  utm_source: other\n"));
        assertRefused(file + ":23: 'utm_source' is given twice in 'link-parameters'; only one can count:"
                + " delete the one you did not mean");
    }

    @Test
    void aMisspeltKeyIsRefusedWithTheKeyMeant() {
        folders.write(spring, GOOD.replace("segment: all", "segmnet: all"));
        CliResult result = folders.validate();
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains(spring + ":5: unknown key 'segmnet' (did you mean 'segment'?)"), result.err());
    }

    @Test
    void aFolderNamedLikeACampaignFileIsRefused() throws IOException {
        Files.createDirectories(spring);
        assertRefused(spring + ": is not a file (a folder or a device?): campaigns/ holds one .yaml file per campaign");
    }

    @Test
    void aLinkToADeviceIsRefusedWithoutReadingIt() throws IOException {
        Files.createSymbolicLink(spring, Path.of("/dev/zero"));
        assertRefused(spring + ": is not a file (a folder or a device?): campaigns/ holds one .yaml file per campaign");
    }

    @Test
    void aFileSavedWithAByteOrderMarkIsFine() {
        folders.write(spring, "\uFEFF" + GOOD);
        CliResult result = folders.validate();
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("ok  " + spring), result.out());
    }

    /** An emoji sequence keeps its joiner, and a subdivision flag its tag characters. */
    @Test
    void aSubjectWithAFamilyEmojiAndAFlagIsFine() {
        folders.write(spring, line(3,
                "subject: \"春の講座 \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F\""));
        CliResult result = folders.validate();
        assertEquals(0, result.exitCode(), result.out() + result.err());
    }
}
