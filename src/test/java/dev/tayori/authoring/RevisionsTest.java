package dev.tayori.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.TestClock;
import dev.tayori.TestWorld;
import dev.tayori.campaign.Announcement;
import dev.tayori.campaign.Campaigns;
import dev.tayori.db.Database;
import dev.tayori.render.Templates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts and revisions of lesson 3, on a real SQLite file, as two nodes sharing it would see them. */
class RevisionsTest {
    @TempDir
    Path dir;
    TestClock clock = new TestClock(TestWorld.tokyo(2026, 11, 23, 9, 0));
    Jdbi jdbi;
    Authoring authoring;

    static final MailSource FIRST = new MailSource("【3日目】はじめの言葉", "", "はじめの本文です。\n\n二段落目。");
    static final MailSource SECOND = new MailSource("【3日目】新しい言葉", "朝に読みたい一通", "はじめの本文です。\n\n書き直した二段落目。");

    @BeforeEach
    void open() {
        jdbi = Database.open(dev.tayori.TestDatabase.url(dir)).jdbi();
        authoring = node(jdbi);
    }

    private Authoring node(Jdbi jdbi) {
        Templates templates = new Templates(Path.of("templates"));
        StoredAnnouncements stored = new StoredAnnouncements(jdbi);
        Campaigns campaigns = Campaigns.load(Path.of("campaigns"), templates).with(stored);
        return new Authoring(jdbi, campaigns, templates, MarkdownMailTest.SENDER, "https://mail.example.jp", clock, stored);
    }

    @Test
    void aDraftIsNotLiveUntilPublishedAndEachPublishIsTheNextNumberedRevision() {
        assertEquals(LiveSource.FILE, authoring.liveSource("workbook", 3));
        authoring.saveDraft("workbook", 3, FIRST);
        assertEquals(FIRST, authoring.draft("workbook", 3).orElseThrow());
        assertEquals(LiveSource.FILE, authoring.liveSource("workbook", 3), "a draft changes nothing that is sent");

        Revision one = authoring.publish("workbook", 3, "最初の版");
        assertEquals(1, one.number());
        assertTrue(authoring.draft("workbook", 3).isEmpty(), "the published draft is no longer a draft");
        clock.advance(Duration.ofHours(1));
        authoring.saveDraft("workbook", 3, SECOND);
        Revision two = authoring.publish("workbook", 3, "二段落目を書き直した");
        assertEquals(2, two.number());
        assertEquals(new LiveSource(LiveSource.Origin.BROWSER, 2), authoring.liveSource("workbook", 3));
        assertEquals("ブラウザ（第2版）", authoring.liveSource("workbook", 3).japanese());

        List<Revision> history = authoring.history("workbook", 3);
        assertEquals(List.of(1, 2), history.stream().map(Revision::number).toList());
        assertEquals(List.of("最初の版", "二段落目を書き直した"), history.stream().map(Revision::note).toList());
        assertEquals(Duration.ofHours(1), Duration.between(history.get(0).publishedAt(), history.get(1).publishedAt()));
        assertEquals(SECOND, history.get(1).source().orElseThrow());
        assertEquals(authoring.current("workbook", 3), SECOND, "the editor opens the live words");
        assertEquals(new LiveSource(LiveSource.Origin.BROWSER, 2), node(jdbi).liveSource("workbook", 3),
                "another node on the same database sees the same live revision");
    }

    @Test
    void twoRevisionsCompareLineByLine() {
        authoring.publish("workbook", 3, FIRST, "");
        authoring.publish("workbook", 3, SECOND, "");
        RevisionDiff diff = authoring.diff("workbook", 3, 1, 2);
        assertEquals(List.of(new LineDiff.Line(LineDiff.Change.SAME, "はじめの本文です。"),
                new LineDiff.Line(LineDiff.Change.SAME, ""),
                new LineDiff.Line(LineDiff.Change.REMOVED, "二段落目。"),
                new LineDiff.Line(LineDiff.Change.ADDED, "書き直した二段落目。")), diff.body());
        assertEquals(List.of(new LineDiff.Line(LineDiff.Change.REMOVED, "【3日目】はじめの言葉"),
                new LineDiff.Line(LineDiff.Change.ADDED, "【3日目】新しい言葉")), diff.subject());
        assertEquals(List.of(new LineDiff.Line(LineDiff.Change.ADDED, "朝に読みたい一通")), diff.preheader());
        assertTrue(authoring.diff("workbook", 3, 2, 2).same());
        AuthoringException unknown = assertThrows(AuthoringException.class, () -> authoring.diff("workbook", 3, 1, 9));
        assertTrue(unknown.notFound());
    }

    @Test
    void restoringMakesANewRevisionWithTheOldWordsAndBackToFileIsRecordedToo() {
        authoring.publish("workbook", 3, FIRST, "");
        authoring.publish("workbook", 3, SECOND, "");
        Revision three = authoring.restore("workbook", 3, 1, "元に戻す");
        assertEquals(3, three.number());
        assertEquals(Revision.Kind.RESTORED, three.kind());
        assertEquals(1, three.restoredFrom().orElseThrow());
        assertEquals(FIRST, three.source().orElseThrow());
        assertEquals(new LiveSource(LiveSource.Origin.BROWSER, 3), authoring.liveSource("workbook", 3));

        Revision four = authoring.backToFile("workbook", 3, "");
        assertEquals(Revision.Kind.FILE, four.kind());
        assertEquals(LiveSource.FILE, authoring.liveSource("workbook", 3));
        assertEquals(List.of(1, 2, 3, 4), authoring.history("workbook", 3).stream().map(Revision::number).toList(),
                "history only grows");
        MailSource fromFile = authoring.current("workbook", 3);
        assertEquals("【3日目】それは誰の気持ち？を見分ける", fromFile.subject());
        assertTrue(fromFile.bodyMarkdown().contains(":::box 今日のワーク"), fromFile.bodyMarkdown());
        assertEquals(List.of(), authoring.validate("workbook", 3, fromFile), "the file's words as Markdown are valid");
    }

    @Test
    void wordsWithMistakesAreNotSavedAndSayWhere() {
        AuthoringException refused = assertThrows(AuthoringException.class,
                () -> authoring.saveDraft("workbook", 3, new MailSource("件名", "", "一行目\n{{nmae}}\n<b>x</b>")));
        assertEquals(List.of(2, 3), refused.problems().stream().map(AuthoringProblem::line).toList());
        assertTrue(authoring.draft("workbook", 3).isEmpty());
        assertTrue(assertThrows(AuthoringException.class, () -> authoring.saveDraft("workbook", 8, FIRST)).notFound(),
                "the workbook has 7 lessons");
        assertThrows(AuthoringException.class, () -> authoring.publish("workbook", 3, ""), "no draft to publish");
    }

    @Test
    void aBrowserMadeAnnouncementIsACampaignLikeAFileOneAndItsIdIsTakenOnce() {
        MailSource words = new MailSource("冬のお茶会のご案内", "", "{{name|みなさま}}、こんにちは。");
        Announcement made = authoring.createAnnouncement("winter-tea", "冬のお茶会", words, "tag:tea");
        assertEquals("tag:tea", made.segment());
        assertEquals("冬のお茶会のご案内", made.subject());
        Campaigns seenByAnotherNode = Campaigns.load(Path.of("campaigns"), new Templates(Path.of("templates")))
                .with(new StoredAnnouncements(jdbi));
        assertTrue(seenByAnotherNode.announcements().stream().anyMatch(a -> a.id().equals("winter-tea")));
        assertEquals(new LiveSource(LiveSource.Origin.BROWSER, 1), authoring.liveSource("winter-tea", 0));
        assertEquals(1, authoring.editableMails("winter-tea").size());

        assertTrue(assertThrows(AuthoringException.class,
                () -> authoring.createAnnouncement("winter-tea", "また", words, "all")).conflict());
        assertTrue(assertThrows(AuthoringException.class,
                () -> authoring.createAnnouncement("course-early-booking", "ファイルと同じ", words, "all")).conflict(),
                "a file's id is taken too");
        AuthoringException bad = assertThrows(AuthoringException.class,
                () -> authoring.createAnnouncement("Winter Tea!", "", words, "vip"));
        assertFalse(bad.conflict());
        assertEquals(List.of(AuthoringProblem.Field.ID, AuthoringProblem.Field.NAME, AuthoringProblem.Field.SEGMENT),
                bad.problems().stream().map(AuthoringProblem::field).toList());
        assertThrows(AuthoringException.class, () -> authoring.backToFile("winter-tea", 0, ""), "it has no file");
    }
}
