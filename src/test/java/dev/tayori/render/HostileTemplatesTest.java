package dev.tayori.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.Snapshot;
import dev.tayori.TestWorld.CliResult;
import dev.tayori.campaign.CampaignFileException;
import dev.tayori.campaign.OperatorFolders;
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
 * Templates that try to run code or read files are refused when they are loaded, with their file and
 * line, by `campaigns validate`, `serve` and the App's start alike; no command they name is ever run.
 */
class HostileTemplatesTest {
    static final String NEW = "?new creates Java objects, and with them a template could run programs on this computer:"
            + " templates may not use ?new";
    static final String API = "?api reaches the Java methods behind a value: templates may not use ?api";
    static final String EVAL = "?eval runs text as template code, and text can come from a stranger (a reader's name)"
            + " or an article: templates may not use ?eval";
    static final String INTERPRET = EVAL.replace("?eval", "?interpret");
    static final String OPTIONAL = ".get_optional_template loads a template by a name made while rendering: use"
            + " <#import \"/path/in/templates.ftlh\" as name> with the path in quotes";
    /** workbook.yaml names lesson 3 on this line. */
    static final String USED_BY_LESSON_3 = "workbook.yaml:12)";

    @TempDir
    Path dir;
    OperatorFolders folders;

    @BeforeEach
    void copyTheShippedFiles() {
        folders = new OperatorFolders(dir);
    }

    @AfterEach
    void stop() {
        folders.close();
    }

    /** What FreeMarker would run, were it allowed: it would create the marker file. */
    private String touch() {
        return "touch " + folders.marker;
    }

    /** Lesson 3 with a hostile line 4 inside the shared layout, so only that line is wrong. */
    private static String lesson(String layout, String line4) {
        return "<#import \"/layouts/" + layout + "\" as layout>\n<@layout.page>\n<p>こんにちは</p>\n" + line4
                + "\n</@layout.page>\n";
    }

    static Stream<Arguments> hostileLines() {
        String execute = "\"freemarker.template.utility.Execute\"";
        return Stream.of(
                Arguments.of("Execute?new() runs a shell command", "<#assign ex = " + execute + "?new()>${ex(\"TOUCH\")}", NEW),
                Arguments.of("ObjectConstructor?new() makes any object", "<#assign oc = \"freemarker.template.utility.ObjectConstructor\""
                        + "?new()>${oc(\"java.lang.ProcessBuilder\", [\"TOUCH\"]).start()}", NEW),
                Arguments.of("?new in a branch sample data never takes", "<#if subscriber.name == \"x\"><#assign ex = " + execute
                        + "?new()>${ex(\"TOUCH\")}</#if>", NEW),
                Arguments.of("?new written with spaces", "<#assign ex = " + execute + " ? new ( )>${ex(\"TOUCH\")}", NEW),
                Arguments.of("?new inside a string's interpolation", "${\"${" + execute.replace('"', '\'') + "?new()('TOUCH')}\"}", NEW),
                Arguments.of("?new as a macro's default value", "<#macro m ex=" + execute + "?new()>${ex(\"TOUCH\")}</#macro><@m/>", NEW),
                Arguments.of("?new in a list", "<#list [" + execute + "?new()] as ex>${ex(\"TOUCH\")}</#list>", NEW),
                Arguments.of("?new hidden in an attempt block", "<#attempt><#assign ex = " + execute + "?new()>${ex(\"TOUCH\")}"
                        + "<#recover>nothing</#attempt>", NEW),
                Arguments.of("?api on the reader", "${subscriber?api.getClass().getName()}", API),
                Arguments.of("?eval of the reader's name", "${subscriber.name?eval}", EVAL),
                Arguments.of("?interpret of the reader's name", "<@subscriber.name?interpret />", INTERPRET),
                Arguments.of(".get_optional_template", "<#assign t = .get_optional_template(\"/etc/passwd\")>", OPTIONAL),
                Arguments.of("include of an absolute path", "<#include \"/etc/passwd\">",
                        "<#include> \"/etc/passwd\": there is no such template, TEMPLATES/etc/passwd does not exist"),
                Arguments.of("include backing out of templates/", "<#include \"../../../../etc/passwd\">",
                        "<#include> \"../../../../etc/passwd\" points outside the templates folder; a template can only use"
                                + " other templates inside it (a path starting with / starts at templates/)"),
                Arguments.of("include by a computed name", "<#include subscriber.name>",
                        "<#include> needs the template's path written out in quotes, like <#import \"/layouts/mail.ftlh\""
                                + " as layout>; a path made while rendering is not allowed"),
                Arguments.of("import by an interpolated name", "<#import \"/layouts/${subscriber.name}\" as x>",
                        "<#import> needs the template's path written out in quotes, like <#import \"/layouts/mail.ftlh\""
                                + " as layout>; a path made while rendering is not allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileLines")
    void aHostileLineInALessonIsRefusedByValidateAtItsLineAndRunsNothing(String what, String line, String reason) {
        Path lesson = folders.templates.resolve("campaigns/workbook/lesson-3.ftlh");
        folders.write(lesson, lesson("mail.ftlh", line.replace("TOUCH", touch())));
        CliResult result = folders.validate();
        assertFalse(Files.exists(folders.marker), "a command was run");
        assertEquals(2, result.exitCode(), result.err());
        String expected = lesson + ":4: " + reason.replace("TEMPLATES/", folders.templates + "/") + " (used by ";
        assertTrue(result.err().contains(expected) && result.err().contains(USED_BY_LESSON_3),
                "expected " + expected + "\n in " + result.err());
        assertFalse(Files.exists(folders.marker), "a command was run");
        assertFalse(result.err().contains("\tat "), "no stack trace: " + result.err());
    }

    @Test
    void theTextPartIsCheckedAsTheHtmlPartIs() {
        Path lesson = folders.templates.resolve("campaigns/workbook/lesson-3.txt.ftl");
        folders.write(lesson, lesson("mail.txt.ftl", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\""
                + touch() + "\")}"));
        CliResult result = folders.validate();
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains(lesson + ":4: " + NEW), result.err());
        assertFalse(Files.exists(folders.marker));
    }

    @Test
    void aHostileSharedLayoutIsReportedInTheLayoutNotInEveryLesson() {
        Path layout = folders.templates.resolve("layouts/mail.ftlh");
        String text = folders.read(layout).replace("<#nested>", "<#nested>\n${\"freemarker.template.utility.Execute\"?new()(\""
                + touch() + "\")}");
        folders.write(layout, text);
        CliResult result = folders.validate();
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains(layout + ":15: " + NEW), result.err());
        assertFalse(Files.exists(folders.marker));
    }

    @Test
    void aNewsletterSubjectThatCreatesAClassIsRefusedAtItsLine() {
        Path file = folders.campaigns.resolve("newsletter.yaml");
        folders.write(file, folders.read(file).replace("subject: \"こころの便り 第${issue.number}号（${issue.date}）\"",
                "subject: \"${'freemarker.template.utility.Execute'?new()('" + touch() + "')}\""));
        CliResult result = folders.validate();
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains(file + ":8: the subject: " + NEW), result.err());
        assertFalse(Files.exists(folders.marker));
    }

    @Test
    void anAnnouncementSubjectThatEvaluatesTheReadersNameIsRefusedAtItsLine() {
        Path file = folders.campaigns.resolve("course-early-booking.yaml");
        folders.write(file, folders.read(file).replaceFirst("subject: .*", "subject: \"\\${subscriber.name?eval}さんへ\""));
        CliResult result = folders.validate();
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains(file + ":5: the subject: " + EVAL), result.err());
    }

    @Test
    void theConfirmationSubjectTemplateIsCheckedToo() {
        Path subject = folders.templates.resolve("system/confirm.subject.ftl");
        folders.write(subject, "${\"freemarker.template.utility.Execute\"?new()(\"" + touch() + "\")}");
        CliResult result = folders.validate();
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains(subject + ":1: " + NEW), result.err());
        assertFalse(Files.exists(folders.marker));
    }

    @Test
    void aTemplateCannotTurnTheSandboxOffWithASetting() {
        Path lesson = folders.templates.resolve("campaigns/workbook/lesson-3.ftlh");
        folders.write(lesson, lesson("mail.ftlh", "<#setting new_builtin_class_resolver=\"unrestricted\">"));
        CliResult result = folders.validate();
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains(lesson + ":4: "), result.err());
        assertTrue(result.err().contains("changing this setting from inside a template isn't supported"), result.err());
    }

    @Test
    void serveRefusesToStartWithAHostileTemplateAndRunsNothing() {
        folders.write(folders.templates.resolve("campaigns/workbook/lesson-5.ftlh"), lesson("mail.ftlh",
                "<#if false>${\"freemarker.template.utility.Execute\"?new()(\"" + touch() + "\")}</#if>"));
        Snapshot before = Snapshot.of(folders.world);
        CliResult result = folders.world.cli("serve");
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains(folders.templates.resolve("campaigns/workbook/lesson-5.ftlh") + ":4: " + NEW),
                result.err());
        assertFalse(Files.exists(folders.marker));
        assertEquals(before, Snapshot.of(folders.world));
    }

    @Test
    void theAppDoesNotStartWithAHostileTemplate() {
        folders.write(folders.templates.resolve("campaigns/newsletter/issue.txt.ftl"), lesson("mail.txt.ftl",
                "${subscriber?api.class}"));
        CampaignFileException e = assertThrows(CampaignFileException.class, () -> folders.world.app());
        assertTrue(e.getMessage().contains(folders.templates.resolve("campaigns/newsletter/issue.txt.ftl") + ":4: " + API),
                e.getMessage());
    }

    @Test
    void aPageTemplateIsRefusedWhenTheWebPagesAreChecked() {
        Path page = folders.templates.resolve("pages/subscribe.ftlh");
        folders.write(page, "<p>登録</p>\n${\"freemarker.template.utility.Execute\"?new()(\"" + touch() + "\")}\n");
        TemplateProblem p = assertThrows(TemplateProblem.class, () -> new Templates(folders.templates).check("pages/subscribe.ftlh"));
        assertEquals(page + ":2: " + NEW, p.located());
        assertFalse(Files.exists(folders.marker));
    }

    @Test
    void templatesThatImportEachOtherAreCheckedOnceAndLoad() {
        folders.write(folders.templates.resolve("campaigns/workbook/loop.ftlh"),
                "<#import \"/campaigns/workbook/lesson-3.ftlh\" as lesson>\n");
        folders.write(folders.templates.resolve("campaigns/workbook/lesson-3.ftlh"), lesson("mail.ftlh",
                "<#if false><#import \"loop.ftlh\" as loop></#if>"));
        CliResult result = folders.validate();
        assertEquals(0, result.exitCode(), result.err());
    }

    @Test
    void aMailThatTalksAboutNewInItsTextIsFine() {
        folders.write(folders.templates.resolve("campaigns/workbook/lesson-3.ftlh"), lesson("mail.ftlh",
                "<p>What's ?new, ?api and ?eval: words in a mail are only words.</p><#-- ?new in a comment -->"));
        CliResult result = folders.validate();
        assertEquals(0, result.exitCode(), result.err());
    }

    static Stream<Arguments> runawayLines() {
        return Stream.of(
                Arguments.of("a macro that calls itself", "<#macro m><@m/></#macro><@m/>", "a macro or function calls itself without end"),
                Arguments.of("a function that calls itself", "<#function f n><#return f(n)></#function>${f(1)}",
                        "a macro or function calls itself without end"),
                Arguments.of("a loop over a billion numbers", "<#list 1..999999999 as i></#list>", "rendering took longer than 5 seconds"),
                Arguments.of("a loop with no end", "<#list 1.. as i></#list>", "rendering took longer than 5 seconds"),
                Arguments.of("a ?left_pad of two billion characters", "${\"x\"?left_pad(2147483647)}", "rendering needed more memory than tayori has"),
                Arguments.of("a text doubled forty times", "<#assign s = \"xx\"><#list 1..40 as i><#assign s = s + s></#list>${s?length}",
                        "rendering needed more memory than tayori has"),
                Arguments.of("a loop printing a billion characters", "<#list 1..99999999 as i>xxxxxxxxxxxxxxxxxxxxxxxx</#list>",
                        "the template printed more than 10 million characters"));
    }

    /** Before: a StackOverflowError or OutOfMemoryError with exit 1 and no file, or validate hanging for good. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("runawayLines")
    void aTemplateThatNeverFinishesIsRefusedByValidateNamingItsFile(String what, String line, String reason) {
        Path lesson = folders.templates.resolve("campaigns/workbook/lesson-3.ftlh");
        folders.write(lesson, lesson("mail.ftlh", line));
        long start = System.nanoTime();
        CliResult result = folders.validate();
        assertEquals(2, result.exitCode(), result.err());
        // a machine busy with other work may reach the time limit before the memory runs out: refused either way
        boolean timedOutFirst = reason.contains("more memory") && result.err().contains(lesson + ": rendering took longer than 5 seconds");
        assertTrue(result.err().contains(lesson + ": " + reason) || timedOutFirst, result.err());
        assertTrue(result.err().contains(USED_BY_LESSON_3), result.err());
        assertFalse(result.err().contains("\tat ") || result.err().contains("Error"), "no Java error: " + result.err());
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "validate took too long");
    }

    @Test
    void serveDoesNotStartWithASubjectThatCallsItselfAndSaysWhere() {
        Path file = folders.campaigns.resolve("course-early-booking.yaml");
        folders.write(file, folders.read(file).replaceFirst("subject: .*", "subject: \"<#macro m><@m/></#macro><@m/>\""));
        Snapshot before = Snapshot.of(folders.world);
        CliResult result = folders.world.cli("serve");
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains(file + ":5: the subject: "), result.err());
        assertTrue(result.err().contains("calls itself without end"), result.err());
        assertFalse(result.err().contains("\tat ") || result.err().contains("StackOverflowError"), result.err());
        assertEquals(before, Snapshot.of(folders.world));
    }

    @Test
    void aRenderStoppedForTakingTooLongLeavesTheThreadFreeToSendTheNextMail() {
        folders.write(folders.templates.resolve("slow.ftlh"), "<#list 1.. as i></#list>");
        folders.write(folders.templates.resolve("fine.ftlh"), "<p>ok</p>");
        Templates templates = new Templates(folders.templates);
        TemplateProblem p = assertThrows(TemplateProblem.class, () -> templates.render("slow.ftlh", java.util.Map.of()));
        assertTrue(p.getMessage().startsWith("rendering took longer than 5 seconds"), p.getMessage());
        assertFalse(Thread.currentThread().isInterrupted(), "the watchdog's interrupt stayed on the thread");
        assertEquals("<p>ok</p>", templates.render("fine.ftlh", java.util.Map.of()));
    }
}
