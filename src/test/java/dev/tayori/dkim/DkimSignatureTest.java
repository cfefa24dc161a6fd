package dev.tayori.dkim;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.TestWorld;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of mail tayori sends, DKIM-signed with an RSA and an Ed25519 key, received by GreenMail
 * and verified by dkimpy ({@link DkimVerifier}), the signer's code playing no part in the check.
 */
class DkimSignatureTest {
    @TempDir
    static Path keys;
    static String rsaRecord;
    static String edRecord;

    @TempDir
    Path dir;
    TestWorld world;

    @BeforeAll
    static void makeKeys() throws Exception {
        rsaRecord = DkimKeygen.generate(DkimKey.Algorithm.RSA, "example.jp", "tayori2026", keys.resolve("rsa.pem"));
        edRecord = DkimKeygen.generate(DkimKey.Algorithm.ED25519, "example.jp", "tayori2026e", keys.resolve("ed.pem"));
    }

    @BeforeEach
    void start() throws Exception {
        world = new TestWorld(dir, tokyo(2026, 11, 23, 10, 0));
        world.env().put("TAYORI_DKIM_SELECTOR", "tayori2026");
        world.env().put("TAYORI_DKIM_PRIVATE_KEY", keys.resolve("rsa.pem").toString());
        world.env().put("TAYORI_DKIM_ED25519_SELECTOR", "tayori2026e");
        world.env().put("TAYORI_DKIM_ED25519_PRIVATE_KEY", keys.resolve("ed.pem").toString());
        Path articles = Files.createDirectories(dir.resolve("articles"));
        Files.writeString(articles.resolve("kyori.md"), """
                ---
                title: 心の距離と境界線
                url: https://kokoro.example.jp/columns/kyori/
                published: 2026-11-22T06:00+09:00
                ---
                疲れた日は、まず深呼吸をひとつ。肩の力を抜いてみましょう。小さなことから始めれば大丈夫です。
                """);
        world.env().put("TAYORI_ARTICLES_DIR", articles.toString());
    }

    @AfterEach
    void stop() {
        world.close();
    }

    /** A confirmation, a lesson, an issue, an announcement and a test copy, by kind, as received. */
    private Map<String, MimeMessage> everyKind() {
        assertEquals(0, world.cli("subscribers", "add", "hanako@example.jp").exitCode());
        assertEquals(0, world.cli("subscribers", "add", "taro@example.jp", "--name", "佐藤 太郎", "--confirmed",
                "--consent-source", "seminar sheet").exitCode());
        assertEquals(0, world.cli("send-due").exitCode());
        TestWorld.CliResult scheduled = world.cli("campaigns", "schedule", "course-early-booking", "--at",
                "2026-11-24T12:00+09:00", "--segment", "all");
        assertEquals(0, scheduled.exitCode(), scheduled.err());
        world.clock.set(tokyo(2026, 11, 24, 12, 1));
        assertEquals(0, world.cli("send-due").exitCode());
        TestWorld.CliResult copy = world.cli("campaigns", "test-send", "workbook", "--to", "editor@example.jp");
        assertEquals(0, copy.exitCode(), copy.err());
        Map<String, MimeMessage> kinds = new LinkedHashMap<>();
        for (MimeMessage m : world.received()) {
            String listId = MailParts.header(m, "List-Id");
            String kind = MailParts.subject(m).startsWith("[テスト]") ? "test copy"
                    : listId == null ? "confirmation"
                    : listId.startsWith("<workbook.") ? "lesson"
                    : listId.startsWith("<newsletter.") ? "issue"
                    : listId.startsWith("<course-early-booking.") ? "announcement" : listId;
            kinds.putIfAbsent(kind, m);
        }
        assertEquals(java.util.Set.of("confirmation", "lesson", "issue", "announcement", "test copy"), kinds.keySet());
        return kinds;
    }

    private static byte[] raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void everyKindOfMailVerifiesWithBothItsRsaAndItsEd25519Signature() throws Exception {
        for (Map.Entry<String, MimeMessage> kind : everyKind().entrySet()) {
            DkimVerifier.Result result = DkimVerifier.verify(raw(kind.getValue()), rsaRecord, edRecord);
            assertTrue(result.passed(), kind.getKey() + ": " + result.output());
            assertTrue(result.passes("tayori2026") && result.passes("tayori2026e"), kind.getKey() + ": " + result.output());
        }
    }

    @Test
    void signaturesCoverTheListedHeadersWithFromSubjectAndUnsubscribeOverSigned() throws Exception {
        MimeMessage lesson = everyKind().get("lesson");
        String[] signatures = lesson.getHeader("DKIM-Signature");
        assertEquals(2, signatures.length);
        String rsa = signatures[0].replaceAll("\\s+", "");
        assertTrue(rsa.contains("a=rsa-sha256;c=relaxed/relaxed;d=example.jp;s=tayori2026;"), rsa);
        assertTrue(rsa.contains("t=" + tokyo(2026, 11, 23, 10, 0).getEpochSecond() + ";"), rsa);
        assertTrue(rsa.contains("h=from:from:to:subject:subject:date:message-id:mime-version:content-type:reply-to:"
                + "list-id:list-unsubscribe:list-unsubscribe:list-unsubscribe-post:list-unsubscribe-post;"), rsa);
        assertTrue(signatures[1].replaceAll("\\s+", "").contains("a=ed25519-sha256;"), signatures[1]);
    }

    @Test
    void aMailParsedAndWrittenAgainByJakartaMailStillVerifies() throws Exception {
        for (Map.Entry<String, MimeMessage> kind : everyKind().entrySet()) {
            MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw(kind.getValue())));
            DkimVerifier.Result result = DkimVerifier.verify(raw(parsed), rsaRecord, edRecord);
            assertTrue(result.passed(), kind.getKey() + " after Jakarta Mail: " + result.output());
        }
    }

    @Test
    void anAlteredListUnsubscribeOrAnAddedFromOrSubjectFailsVerification() throws Exception {
        Map<String, MimeMessage> kinds = everyKind();
        String issue = new String(raw(kinds.get("issue")), StandardCharsets.ISO_8859_1);
        assertTrue(DkimVerifier.verify(bytes(issue), rsaRecord, edRecord).passed());
        String url = MailParts.header(kinds.get("issue"), "List-Unsubscribe");
        String altered = issue.replace(url, url.replace("https://mail.example.jp/", "https://evil.example/"));
        assertFalse(altered.equals(issue));
        assertRefused("List-Unsubscribe pointed elsewhere", altered);
        assertRefused("a second From", "From: =?UTF-8?B?5L+h55So6YqA6KGM?= <bank@example.jp>\r\n" + issue);
        assertRefused("a second Subject", "Subject: =?UTF-8?B?6KuL5rGC5pu4?=\r\n" + issue);
        String copy = new String(raw(kinds.get("test copy")), StandardCharsets.ISO_8859_1);
        assertRefused("a List-Unsubscribe added to a test copy",
                "List-Unsubscribe: <https://evil.example/u>\r\n" + copy);
    }

    private static void assertRefused(String change, String message) {
        DkimVerifier.Result result = DkimVerifier.verify(bytes(message), rsaRecord, edRecord);
        assertFalse(result.passed(), change + " still verified: " + result.output());
        assertFalse(result.output().contains(" pass"), change + ": " + result.output());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void withoutAKeyMailGoesOutUnsigned() throws Exception {
        world.env().remove("TAYORI_DKIM_PRIVATE_KEY");
        world.env().remove("TAYORI_DKIM_ED25519_PRIVATE_KEY");
        assertEquals(0, world.cli("subscribers", "add", "hanako@example.jp").exitCode());
        assertEquals(null, world.received().get(0).getHeader("DKIM-Signature"));
    }
}
