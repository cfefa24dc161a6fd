package dev.tayori.report;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which mail an unsubscribe counts for: the mail whose link was used, only when the link is as we
 * wrote it and the mail went to that very reader, once. A link that does not check out never keeps
 * anyone subscribed; it only counts for no mail.
 */
class UnsubscribeThroughMailTest {
    @TempDir
    Path dir;
    ReportWorld w;

    @BeforeEach
    void mailAnIssue() throws Exception {
        w = new ReportWorld(dir, tokyo(2026, 11, 30, 12, 0));
        w.article("rest", "疲れた日の休み方", tokyo(2026, 11, 30, 6, 0));
        for (String who : List.of("ayu", "ben", "chika", "dai", "emi")) {
            w.reader(who + "@example.jp");
        }
        w.runAt(tokyo(2026, 12, 1, 7, 0));
    }

    @AfterEach
    void stop() throws Exception {
        w.close();
    }

    private String link(String email) {
        List<MimeMessage> mails = w.newsletters(email);
        assertEquals(1, mails.size());
        String link = ReportWorld.listUnsubscribe(mails.get(0));
        assertTrue(MailParts.text(mails.get(0)).contains(link), "the footer's link is the header's: " + link);
        return link;
    }

    private Figures issue1() {
        return w.world.app().reports().figures(Mailing.issue("newsletter", 1));
    }

    private String status(String email) {
        return w.world.app().subscribers().byEmail(email).status().db();
    }

    @Test
    void anAlteredLinkStillUnsubscribesButCountsForNoMail() throws Exception {
        String link = link("ayu@example.jp");
        String sig = link.substring(link.lastIndexOf('.') + 1);
        char last = sig.charAt(sig.length() - 1);
        String altered = link.substring(0, link.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertEquals(200, w.post(altered, "List-Unsubscribe=One-Click").statusCode());
        assertEquals("unsubscribed", status("ayu@example.jp"), "the reader's own token decides who leaves");
        assertEquals(0, issue1().unsubscribed());
        // a later press of the real link finds the reader gone already: still nothing to count
        assertEquals(200, w.post(link, "List-Unsubscribe=One-Click").statusCode());
        assertEquals(0, issue1().unsubscribed());
    }

    @Test
    void anotherReadersMarkCountsForNobodyAndLeavesThatReaderAlone() throws Exception {
        String ben = link("ben@example.jp");
        String chika = link("chika@example.jp");
        String benWithChikasMark = ben.substring(0, ben.indexOf('?')) + chika.substring(chika.indexOf('?'));
        assertEquals(200, w.post(benWithChikasMark, "List-Unsubscribe=One-Click").statusCode());
        assertEquals("unsubscribed", status("ben@example.jp"));
        assertEquals("confirmed", status("chika@example.jp"));
        assertEquals(0, issue1().unsubscribed(), "chika's mail did not lose a reader, and ben's mark was not used");
    }

    @Test
    void pressingTheLinkAgainCountsOnce() throws Exception {
        String link = link("dai@example.jp");
        assertEquals(200, w.post(link, "List-Unsubscribe=One-Click").statusCode());
        assertEquals(200, w.post(link, "List-Unsubscribe=One-Click").statusCode());
        assertEquals(200, w.post(link, "choice=all").statusCode());
        assertEquals(1, issue1().unsubscribed());
    }

    @Test
    void stoppingOnlyTheNewsletterCountsAndIsShownAsSuch() throws Exception {
        String link = link("emi@example.jp");
        assertEquals(200, w.post(link, "choice=newsletter").statusCode());
        assertEquals("confirmed", status("emi@example.jp"), "the workbook is kept");
        Figures f = issue1();
        assertEquals(1, f.unsubscribed());
        assertEquals(1, f.newsletterOnly());
        String page = w.admin("/admin/campaigns/newsletter/report/issues/1").body();
        assertTrue(page.contains("うちメールマガジンだけ停止 1"), page);
        assertTrue(w.world.cli("campaigns", "stats", "newsletter", "--issue", "1").out()
                .contains("unsubscribed  1  (20%) through this mail's link; 1 newsletter only"));
    }

    @Test
    void thePagePassesTheMarkToItsFormsOnlyAsWeWroteIt() throws Exception {
        String link = link("ayu@example.jp");
        String mark = link.substring(link.indexOf("?mail=") + 6);
        String page = w.get(link, ReportWorld.BROWSER).body();
        assertTrue(page.contains("?mail=" + mark + "\" class=\"card\">"), page);
        String forged = w.get(link.substring(0, link.indexOf('?')) + "?mail=1.%22%3E%3Cscript%3E", ReportWorld.BROWSER).body();
        assertFalse(forged.contains("?mail="), forged);
        assertFalse(forged.contains("<script>"), forged);
        assertTrue(forged.contains("すべての配信を停止する"), "the reader can still leave: " + forged);
    }
}
