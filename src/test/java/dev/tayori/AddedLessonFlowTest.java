package dev.tayori;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.authoring.AddedSteps;
import dev.tayori.authoring.AuthoringException;
import dev.tayori.authoring.MailSource;
import dev.tayori.campaign.Sequence;
import dev.tayori.subscriber.ConsentRecord;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lesson added to the workbook in the browser reaches readers who have not yet reached its place;
 * readers who had finished get it only when the operator includes them, the next morning; nobody
 * gets any lesson twice. Over real SMTP and SQLite.
 */
class AddedLessonFlowTest {
    static final MailSource LESSON_8 = new MailSource("【8日目】おまけ：一か月後の自分へ", "",
            "{{name|読者さま}}さん、おまけのレッスンです。\n\n# 一か月後の自分へ\n\n手紙を書いてみましょう。");

    @TempDir
    Path dir;
    TestWorld world;

    @BeforeEach
    void start() {
        world = new TestWorld(dir, tokyo(2026, 11, 16, 9, 0));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private void runAt(Instant at) {
        world.clock.set(at);
        world.app().dueWork().run(at);
    }

    private void confirm(String email, String name, Instant at) {
        world.clock.set(at);
        world.app().subscribers().addConfirmed(email, name, ConsentRecord.of("recorded-by-operator", at, "test", "test"), at);
        runAt(at);
    }

    /** Aki confirmed on 11-16 and has had all seven lessons; Ben confirmed on 11-21 and has had three. */
    private void akiFinishedAndBenOnLessonThree() {
        confirm("aki@example.jp", "亜紀", tokyo(2026, 11, 16, 10, 0));
        for (int day = 17; day <= 23; day++) {
            runAt(tokyo(2026, 11, day, 7, 0));
            if (day == 21) {
                confirm("ben@example.jp", "", tokyo(2026, 11, 21, 10, 0));
            }
        }
        assertEquals(7, lessons("aki@example.jp").size());
        assertEquals(3, lessons("ben@example.jp").size());
        world.clock.set(tokyo(2026, 11, 23, 8, 0));
    }

    private List<String> lessons(String email) {
        return world.received().stream().filter(m -> MailParts.to(m).equals(email))
                .filter(m -> String.valueOf(MailParts.header(m, "List-Id")).startsWith("<workbook.")).map(MailParts::subject).toList();
    }

    private MimeMessage lesson8(String email) {
        return world.received().stream().filter(m -> MailParts.to(m).equals(email))
                .filter(m -> MailParts.subject(m).startsWith("【8日目】")).findFirst().orElseThrow();
    }

    private static long sentAt(MimeMessage m) {
        try {
            return m.getSentDate().getTime();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private Sequence workbook() {
        return (Sequence) world.app().campaigns().get("workbook");
    }

    @Test
    void anAddedLessonReachesReadersOnTheirWayAtItsPlaceButNotThoseWhoHadFinished() {
        akiFinishedAndBenOnLessonThree();
        assertEquals(new AddedSteps.Reach(1, 1), world.app().addedSteps().reach(workbook()));

        AddedSteps.Added added = world.app().addedSteps().add(workbook(), LESSON_8, "おまけを追加",
                AddedSteps.PastReaders.LEFT_OUT, TestWorld.TOKYO);
        assertEquals(8, added.step());
        assertEquals(0, added.finishedReadersIncluded());
        assertEquals(8, workbook().size());
        assertEquals("8日目", world.app().authoring().editableMails("workbook").get(7).label());
        for (int day = 24; day <= 30; day++) {
            runAt(tokyo(2026, 11, day, 7, 0));
        }
        assertEquals(7, lessons("aki@example.jp").size(), "aki had finished: nothing more");
        List<String> ben = lessons("ben@example.jp");
        assertEquals(8, ben.size(), ben.toString());
        assertEquals("【8日目】おまけ：一か月後の自分へ", ben.get(7));
        MimeMessage eight = lesson8("ben@example.jp");
        assertEquals(tokyo(2026, 11, 28, 7, 0).toEpochMilli(), sentAt(eight), "the day after lesson 7");
        assertTrue(MailParts.text(eight).startsWith("読者さまさん、おまけのレッスンです。\n\n【一か月後の自分へ】"), MailParts.text(eight));
        assertTrue(MailParts.html(eight).contains("手紙を書いてみましょう。"));
    }

    @Test
    void readersWhoHadFinishedGetTheAddedLessonTheNextMorningWhenIncludedAndEveryoneGetsItOnce() {
        akiFinishedAndBenOnLessonThree();
        AddedSteps.Added added = world.app().addedSteps().add(workbook(), LESSON_8, "",
                AddedSteps.PastReaders.INCLUDED, TestWorld.TOKYO);
        assertEquals(1, added.finishedReadersIncluded());
        runAt(tokyo(2026, 11, 23, 10, 0));
        assertEquals(7, lessons("aki@example.jp").size(), "not before the next morning");
        for (int day = 24; day <= 30; day++) {
            runAt(tokyo(2026, 11, day, 7, 0));
        }
        assertEquals(8, lessons("aki@example.jp").size());
        assertTrue(MailParts.text(lesson8("aki@example.jp")).startsWith("亜紀さん、おまけのレッスンです。"));
        assertEquals(tokyo(2026, 11, 24, 7, 0).toEpochMilli(), sentAt(lesson8("aki@example.jp")));
        assertEquals(8, lessons("ben@example.jp").size());
        assertEquals(1, lessons("ben@example.jp").stream().filter(s -> s.startsWith("【8日目】")).count());
    }

    @Test
    void anAddedLessonHasNoFileToGoBackToAndBadWordsAddNothing() {
        akiFinishedAndBenOnLessonThree();
        Snapshot before = Snapshot.of(world);
        assertThrows(AuthoringException.class, () -> world.app().addedSteps().add(workbook(),
                new MailSource("", "", "<b>x</b>"), "", AddedSteps.PastReaders.INCLUDED, TestWorld.TOKYO));
        assertEquals(before, Snapshot.of(world));
        assertEquals(7, workbook().size());

        world.app().addedSteps().add(workbook(), LESSON_8, "", AddedSteps.PastReaders.LEFT_OUT, TestWorld.TOKYO);
        AuthoringException refused = assertThrows(AuthoringException.class,
                () -> world.app().authoring().backToFile("workbook", 8, ""));
        assertTrue(refused.japanese().get(0).contains("ファイルの版はありません"), refused.japanese().toString());
        assertEquals("ブラウザ（第1版）", world.app().authoring().liveSource("workbook", 8).japanese());
    }
}
