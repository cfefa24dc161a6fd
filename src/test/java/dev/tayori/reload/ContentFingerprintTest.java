package dev.tayori.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.tayori.campaign.OperatorFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hash nodes compare: equal for the same files copied to another machine (other times), different
 * for any change a reader could see, blind to an editor's leftovers.
 */
class ContentFingerprintTest {
    @TempDir
    Path dir;
    OperatorFolders folders;

    @BeforeEach
    void start() {
        folders = new OperatorFolders(dir);
    }

    @AfterEach
    void stop() {
        folders.close();
    }

    private ContentFingerprint now() {
        return ContentFingerprint.of(folders.campaigns, folders.templates);
    }

    @Test
    void theShippedFilesCopiedElsewhereWithOtherTimesHashTheSame() throws Exception {
        ContentFingerprint shipped = ContentFingerprint.of(Path.of("campaigns"), Path.of("templates"));
        Path lesson = folders.templates.resolve("campaigns/workbook/lesson-1.ftlh");
        Files.setLastModifiedTime(lesson, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        assertEquals(shipped, now());
        assertEquals(64, shipped.hex().length());
        assertEquals(shipped.hex().substring(0, 12), shipped.shortForm());
    }

    @Test
    void oneCharacterOfALessonOrACampaignFileChangesIt() {
        ContentFingerprint before = now();
        Path lesson = folders.templates.resolve("campaigns/workbook/lesson-1.ftlh");
        folders.write(lesson, folders.read(lesson).replaceFirst("。", "！"));
        ContentFingerprint lessonEdited = now();
        assertNotEquals(before, lessonEdited);
        Path workbook = folders.campaigns.resolve("workbook.yaml");
        folders.write(workbook, folders.read(workbook) + "\n");
        assertNotEquals(lessonEdited, now());
    }

    @Test
    void aFileMovedToAnotherNameChangesItEvenWithTheSameBytes() throws Exception {
        ContentFingerprint before = now();
        Files.move(folders.templates.resolve("campaigns/workbook/lesson-7.txt.ftl"),
                folders.templates.resolve("campaigns/workbook/lesson-8.txt.ftl"));
        assertNotEquals(before, now());
    }

    @Test
    void editorSwapFilesBackupsAndFilesNotLoadedAreLeftOut() throws Exception {
        ContentFingerprint before = now();
        Files.writeString(folders.templates.resolve("campaigns/workbook/.lesson-1.ftlh.swp"), "vim was here");
        Files.writeString(folders.templates.resolve("campaigns/workbook/lesson-1.ftlh~"), "an old copy");
        Files.writeString(folders.campaigns.resolve("notes.txt"), "not a campaign file");
        Files.createDirectories(folders.campaigns.resolve("old"));
        Files.writeString(folders.campaigns.resolve("old/workbook.yaml"), "kind: sequence");
        assertEquals(before, now());
    }

    @Test
    void theReloaderKeepsTheHashOfTheVersionThatIsLiveNotOfABrokenEdit() {
        FileReloader reloader = folders.world.app().reloader();
        ContentFingerprint started = reloader.live();
        assertEquals(now(), started);
        Path lesson = folders.templates.resolve("campaigns/workbook/lesson-2.ftlh");
        String good = folders.read(lesson);
        folders.write(lesson, good + "<#if>");
        assertEquals(FileReloader.Outcome.REFUSED, reloader.check());
        assertEquals(started, reloader.live(), "the broken edit is not live, nor its hash");
        folders.write(lesson, good.replaceFirst("。", "！"));
        assertEquals(FileReloader.Outcome.RELOADED, reloader.check());
        assertEquals(now(), reloader.live());
        assertNotEquals(started, reloader.live());
    }
}
