package dev.tayori;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.authoring.MailSource;
import dev.tayori.delivery.SendReport;
import dev.tayori.subscriber.ConsentRecord;
import dev.tayori.subscriber.SubscriberDao;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Words written in the browser reach readers from the next send on, over real SMTP and SQLite. */
class AuthoredMailFlowTest {
    @TempDir
    Path dir;
    TestWorld world;

    static final MailSource NEW_WORDS = new MailSource("【3日目】荷物を仕分ける（新版）", "今日は5分でできるワークです",
            "{{name|読者さま}}さん、おはようございます。\n\n# 新しい三日目\n\n:::box 今日のワーク\n- 紙を半分に折る\n:::\n\n"
                    + "[ワークシートを開く](https://kokoro.example.jp/sheet){.button}\n");
    static final MailSource OTHER_WORDS = new MailSource("【3日目】別の言葉", "", "別の三日目の本文です。");

    @BeforeEach
    void start() {
        world = new TestWorld(dir, tokyo(2026, 11, 23, 9, 0));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private void confirm(String email, String name, Instant at) {
        world.clock.set(at);
        world.app().subscribers().addConfirmed(email, name, ConsentRecord.of("recorded-by-operator", at, "test", "test"), at);
    }

    private void runAt(Instant at) {
        world.clock.set(at);
        SendReport report = world.app().dueWork().run(at);
        assertNull(report.problem());
    }

    private List<MimeMessage> mail(String email, String listPrefix) {
        return world.received().stream().filter(m -> MailParts.to(m).equals(email))
                .filter(m -> MailParts.header(m, "List-Id").startsWith(listPrefix)).toList();
    }

    private MimeMessage lesson3(String email) {
        List<MimeMessage> lessons = mail(email, "<workbook.");
        assertTrue(lessons.size() >= 3, email + " has " + lessons.size() + " lessons");
        return lessons.get(2);
    }

    @Test
    void publishedWordsReachTheNextReadersOfLessonThreeInBothPartsAndARestoreBringsTheEarlierWordsBack() {
        confirm("aki@example.jp", "亜紀", tokyo(2026, 11, 23, 10, 0));    // lesson 3 on 11-25
        confirm("ben@example.jp", "", tokyo(2026, 11, 24, 10, 0));        // lesson 3 on 11-26
        confirm("chie@example.jp", "千恵", tokyo(2026, 11, 25, 10, 0));   // lesson 3 on 11-27
        for (Instant at : List.of(tokyo(2026, 11, 23, 10, 0), tokyo(2026, 11, 24, 7, 0), tokyo(2026, 11, 24, 10, 0),
                tokyo(2026, 11, 25, 7, 0))) {
            runAt(at);
        }
        MimeMessage akiLesson3 = lesson3("aki@example.jp");
        assertEquals("【3日目】それは誰の気持ち？を見分ける", MailParts.subject(akiLesson3), "the file's words so far");

        world.clock.set(tokyo(2026, 11, 25, 8, 0));
        var authoring = world.app().authoring();
        authoring.saveDraft("workbook", 3, NEW_WORDS);
        assertEquals(1, authoring.publish("workbook", 3, "ワークを短くした").number());
        runAt(tokyo(2026, 11, 25, 10, 0));
        runAt(tokyo(2026, 11, 26, 7, 0));

        MimeMessage benLesson3 = lesson3("ben@example.jp");
        assertEquals("【3日目】荷物を仕分ける（新版）", MailParts.subject(benLesson3));
        String text = MailParts.text(benLesson3);
        assertTrue(text.startsWith("読者さまさん、おはようございます。\n\n【新しい三日目】"), "the fallback for a reader without a name: " + text);
        assertTrue(text.contains("▶ ワークシートを開く\nhttps://kokoro.example.jp/sheet"), text);
        assertTrue(text.contains("・紙を半分に折る"), text);
        Document html = Jsoup.parse(MailParts.html(benLesson3));
        assertEquals("新しい三日目", html.selectFirst("h1").text());
        assertNotNull(html.selectFirst("a[href=https://kokoro.example.jp/sheet][style*=inline-block]"), "the button");
        assertEquals("今日は5分でできるワークです", html.selectFirst("div[style*=display:none]").text());
        assertTrue(MailParts.html(benLesson3).contains("/unsubscribe/" + world.app().subscribers().byEmail("ben@example.jp")
                .unsubscribeToken()), "the reader's own unsubscribe link in the shared footer");
        assertEquals(List.of(akiLesson3), mail("aki@example.jp", "<workbook.").stream()
                .filter(m -> MailParts.subject(m).startsWith("【3日目】")).toList(), "who already had lesson 3 gets nothing again");
        assertEquals("【3日目】それは誰の気持ち？を見分ける", MailParts.subject(akiLesson3));

        authoring.publish("workbook", 3, OTHER_WORDS, "");
        assertEquals(3, authoring.restore("workbook", 3, 1, "やはり第1版に").number());
        runAt(tokyo(2026, 11, 26, 10, 0));
        runAt(tokyo(2026, 11, 27, 7, 0));
        MimeMessage chieLesson3 = lesson3("chie@example.jp");
        assertEquals("【3日目】荷物を仕分ける（新版）", MailParts.subject(chieLesson3), "revision 1's words again");
        assertTrue(MailParts.text(chieLesson3).startsWith("千恵さん、おはようございます。"), MailParts.text(chieLesson3));
        assertFalse(MailParts.text(chieLesson3).contains("別の三日目"));
        assertTrue(MailParts.html(chieLesson3).contains("千恵さん、おはようございます。"));
    }

    @Test
    void anAnnouncementWrittenInMarkdownGoesOnlyToTheTaggedReaders() {
        confirm("tea@example.jp", "お茶好き", tokyo(2026, 11, 23, 10, 0));
        confirm("other@example.jp", "別の人", tokyo(2026, 11, 23, 10, 5));
        long teaId = world.app().subscribers().byEmail("tea@example.jp").id();
        world.app().jdbi().useExtension(SubscriberDao.class, dao -> dao.tag(teaId, "tea"));
        runAt(tokyo(2026, 11, 23, 10, 10));

        MailSource words = new MailSource("冬のお茶会のご案内", "", "{{name|みなさま}}へ\n\n**12月20日**にお茶会を開きます。\n\n"
                + "[席を予約する](https://kokoro.example.jp/tea){.button}\n");
        var made = world.app().authoring().createAnnouncement("winter-tea", "冬のお茶会", words, "all");
        assertTrue(world.app().campaigns().find("winter-tea").isPresent());
        world.app().announcements().schedule(made.id(), tokyo(2026, 11, 24, 12, 0), "tag:tea");
        runAt(tokyo(2026, 11, 24, 12, 1));

        List<MimeMessage> sent = world.received().stream()
                .filter(m -> MailParts.header(m, "List-Id").startsWith("<winter-tea.")).toList();
        assertEquals(List.of("tea@example.jp"), sent.stream().map(MailParts::to).toList());
        MimeMessage mail = sent.get(0);
        assertEquals("冬のお茶会のご案内", MailParts.subject(mail));
        assertTrue(MailParts.text(mail).startsWith("お茶好きへ\n\n12月20日にお茶会を開きます。\n\n▶ 席を予約する\nhttps://kokoro.example.jp/tea"),
                MailParts.text(mail));
        Document html = Jsoup.parse(MailParts.html(mail));
        assertEquals("12月20日", html.selectFirst("strong").text());
        assertNotNull(html.selectFirst("a[href=https://kokoro.example.jp/tea][style*=inline-block]"));
        assertNotNull(MailParts.header(mail, "List-Unsubscribe"));
        assertTrue(world.cli("campaigns", "list").out().contains("winter-tea"), "campaigns list shows it");
    }
}
