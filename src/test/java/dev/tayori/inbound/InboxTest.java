package dev.tayori.inbound;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.Snapshot;
import dev.tayori.TestWorld;
import dev.tayori.subscriber.ConsentRecord;
import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.Subscribers;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbound mailbox against a real IMAP server (GreenMail), through `tayori inbox check`. */
class InboxTest {
    @TempDir
    Path dir;
    InboxWorld in;

    @BeforeEach
    void start() {
        in = InboxWorld.imap(dir, tokyo(2026, 11, 23, 10, 0));
        // the newsletter's own mail would be a "successful delivery" between lessons; these tests count lessons
        assertEquals(0, in.world.cli("campaigns", "pause", "newsletter").exitCode());
    }

    @AfterEach
    void stop() {
        in.close();
    }

    /** Sends lesson 1 now and one more lesson on each of the following {@code days} mornings. */
    private void lessons(int days) {
        in.world.cli("send-due");
        for (int d = 1; d <= days; d++) {
            in.world.clock.set(tokyo(2026, 11, 23 + d, 7, 30));
            assertEquals(0, in.world.cli("send-due").exitCode());
        }
    }

    @Test
    void aHardBounceEndsMailToTheAddressAndIsMovedToTheProcessedFolder() throws Exception {
        in.reader("hanako@example.com");
        lessons(0);
        Map<String, Object> lesson1 = in.sent("hanako@example.com").get(0);
        in.deliver("postfix-dsn-hard.eml", in.about("hanako@example.com", lesson1));

        TestWorld.CliResult r = in.check();

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("hard bounce for hanako@example.com (5.1.1): bounced hanako@example.com"), r.out());
        assertEquals("bounced", in.status("hanako@example.com"));
        assertEquals(0, in.count("INBOX"));
        assertEquals(1, in.count("tayori-processed"));
        String show = in.world.cli("subscribers", "show", "hanako@example.com").out();
        assertTrue(show.contains("hard  5.1.1  workbook") && show.contains("User unknown"), show);
        assertTrue(in.world.cli("campaigns", "stats", "workbook").out().contains("bounces: 1 hard, 0 soft"));
        // no more lessons to the address
        int before = in.world.received().size();
        lessons(2);
        assertEquals(before, in.world.received().size());
    }

    @Test
    void threeTemporaryFailuresInARowBounceTheAddressOnTheThird() {
        in.reader("jiro@example.com");
        lessons(2);
        List<Map<String, Object>> sent = in.sent("jiro@example.com");
        assertEquals(3, sent.size());
        for (int i = 0; i < 3; i++) {
            in.deliver("dsn-mailbox-full.eml", in.about("jiro@example.com", sent.get(i)));
            String out = in.check().out();
            if (i < 2) {
                assertTrue(out.contains("counted: " + (i + 1) + " of 3"), out);
                assertEquals("confirmed", in.status("jiro@example.com"));
            } else {
                assertTrue(out.contains("bounced jiro@example.com"), out);
            }
        }
        assertEquals("bounced", in.status("jiro@example.com"));
    }

    @Test
    void aMailThatArrivedBetweenTemporaryFailuresStartsTheCountAgain() {
        in.reader("saburo@example.com");
        lessons(3);
        List<Map<String, Object>> sent = in.sent("saburo@example.com");
        // lessons 1, 2 and 4 come back full; lesson 3 arrived
        for (int i : new int[] {0, 1, 3}) {
            in.deliver("dsn-mailbox-full.eml", in.about("saburo@example.com", sent.get(i)));
        }
        String out = in.check().out();
        assertTrue(out.contains("counted: 1 of 3"), out);
        assertEquals("confirmed", in.status("saburo@example.com"));
    }

    @Test
    void oneTemporaryFailureAtAJapaneseCarrierBouncesTheAddress() throws Exception {
        in.reader("hanako.k@docomo.ne.jp");
        lessons(0);
        in.deliver("docomo-mailbox-full.eml", in.about("hanako.k@docomo.ne.jp", in.sent("hanako.k@docomo.ne.jp").get(0)));
        String out = in.check().out();
        assertTrue(out.contains("soft bounce for hanako.k@docomo.ne.jp (4.2.2): bounced"), out);
        assertEquals("bounced", in.status("hanako.k@docomo.ne.jp"));
        assertEquals(1, in.count("tayori-processed"));
    }

    @Test
    void anAbuseReportUnsubscribesTheReaderAsAComplaint() {
        in.reader("shiro@example.com");
        lessons(0);
        in.deliver("arf-complaint.eml", in.about("shiro@example.com", in.sent("shiro@example.com").get(0)));
        String out = in.check().out();
        assertTrue(out.contains("complaint (abuse) about mail to redacted@example-isp.jp: unsubscribed shiro@example.com"
                + " (complaint)"), out);
        Subscriber s = in.world.app().subscribers().byEmail("shiro@example.com");
        assertEquals("unsubscribed", s.status().db());
        assertEquals("complaint", s.unsubscribeSource());
    }

    @Test
    void aVacationReplyIsRecordedAndNeverCountedAsABounce() {
        in.reader("goro@example.com");
        lessons(0);
        Map<String, String> v = in.about("goro@example.com", in.sent("goro@example.com").get(0));
        for (int i = 0; i < 4; i++) {
            in.deliver("vacation.eml", v);
        }
        String out = in.check().out();
        assertTrue(out.contains("auto-reply from goro@example.com: recorded; not counted as a bounce"), out);
        assertEquals("confirmed", in.status("goro@example.com"));
        String show = in.world.cli("subscribers", "show", "goro@example.com").out();
        assertTrue(show.contains("auto-reply") && show.contains("不在のお知らせ"), show);
    }

    @Test
    void aBlankMailToTheSubscribeAddressStartsDoubleOptInAndConfirmingStartsTheWorkbook() {
        in.deliver("blank-signup.eml", Map.of("RECIPIENT", "keitai.user@docomo.ne.jp", "SELF", "blank-1"));
        TestWorld.CliResult r = in.check();
        assertTrue(r.out().contains("blank-mail sign-up from keitai.user@docomo.ne.jp: confirmation mail queued"), r.out());

        List<MimeMessage> toReader = in.world.received().stream()
                .filter(m -> MailParts.to(m).equals("keitai.user@docomo.ne.jp")).toList();
        assertEquals(1, toReader.size(), "the confirmation went out over SMTP");
        String text = MailParts.text(toReader.get(0));
        assertFalse(text.contains("あやしい名前") || MailParts.header(toReader.get(0), "To").contains("=?"),
                "the From's display name is not used");
        Subscriber s = in.world.app().subscribers().byEmail("keitai.user@docomo.ne.jp");
        ConsentRecord consent = in.world.app().subscribers().consents(s.id()).get(0);
        assertEquals("blank mail", consent.source());
        assertTrue(consent.origin().startsWith("Message-ID <blank-1@docomo.ne.jp>")
                && consent.origin().contains("Received: from mgw.docomo.ne.jp"), consent.origin());

        Matcher link = Pattern.compile("/confirm/([A-Za-z0-9_-]+)").matcher(text);
        assertTrue(link.find(), text);
        in.world.clock.advance(Duration.ofMinutes(3));
        assertEquals(Subscribers.ConfirmOutcome.CONFIRMED, in.world.app().subscribers().confirm(link.group(1),
                ConsentRecord.of("confirmed", in.world.clock.instant(), "confirmation link", "203.0.113.9")).outcome());
        in.world.cli("send-due");
        assertTrue(in.world.received().stream().anyMatch(m -> MailParts.to(m).equals("keitai.user@docomo.ne.jp")
                && String.valueOf(MailParts.header(m, "List-Id")).startsWith("<workbook.")), "lesson 1 after confirming");

        // a second blank mail within 10 minutes sends nothing more, as the web form would not
        int mails = in.world.received().size();
        in.deliver("blank-signup.eml", Map.of("RECIPIENT", "keitai.user@docomo.ne.jp", "SELF", "blank-2"));
        assertTrue(in.check().out().contains("already subscribed; nothing sent"));
        assertEquals(mails, in.world.received().size());
    }

    @Test
    void blankMailsFromManyForgedSendersStartAtMostThirtyConfirmationsAnHourAndTheRestWaitInTheMailbox() throws Exception {
        // a flood: each blank mail claims another stranger's address; the per-address limit does nothing here
        for (int i = 1; i <= SignUps.MOST_PER_HOUR + 2; i++) {
            in.deliver("blank-signup.eml", Map.of("RECIPIENT", "stranger" + i + "@example.net", "SELF", "flood-" + i));
        }
        TestWorld.CliResult first = in.check();
        assertEquals(0, first.exitCode(), first.out());
        assertEquals(SignUps.MOST_PER_HOUR, in.world.received().size(), "only as many confirmations as the cap");
        long capped = first.out().lines().filter(l -> l.contains(
                "left: blank-mail sign-up from stranger") && l.contains("the hourly cap for blank-mail sign-ups is reached")).count();
        assertEquals(2, capped, first.out());
        assertEquals(2, in.count("INBOX"));

        // the cap is counted from the database, not this poll: a later check in the same hour starts none
        in.world.clock.advance(Duration.ofMinutes(30));
        in.deliver("blank-signup.eml", Map.of("RECIPIENT", "one.more@example.net", "SELF", "flood-more"));
        Snapshot before = Snapshot.of(in.world);
        String second = in.check().out();
        assertTrue(second.contains("left: blank-mail sign-up from one.more@example.net, the hourly cap for blank-mail "
                + "sign-ups is reached (30 confirmation mails in the last hour); left in the mailbox, handled at a later check"), second);
        assertFalse(second.contains("confirmation mail queued"), second);
        assertEquals(before, Snapshot.of(in.world), "no subscriber, consent record, confirmation or mail more");
        assertEquals(3, in.count("INBOX"));
        assertEquals(SignUps.MOST_PER_HOUR, in.count("tayori-processed"));

        // nothing was lost: once the hour has passed the waiting ones are handled like any other
        in.world.clock.advance(Duration.ofMinutes(31));
        String later = in.check().out();
        assertTrue(later.contains("blank-mail sign-up from one.more@example.net: confirmation mail queued"), later);
        assertEquals(SignUps.MOST_PER_HOUR + 3, in.world.received().size());
        assertEquals(0, in.count("INBOX"));
    }

    @Test
    void aMailToTheUnsubscribeAddressWithTheReadersTokenUnsubscribesThem() {
        in.reader("rokuro@example.com");
        Subscriber s = in.world.app().subscribers().byEmail("rokuro@example.com");
        in.deliver("mailto-unsubscribe.eml", Map.of("RECIPIENT", "someone@else.example", "TOKEN", s.unsubscribeToken()));
        String out = in.check().out();
        assertTrue(out.contains("unsubscribed rokuro@example.com (mailto)"), out);
        Subscriber after = in.world.app().subscribers().byEmail("rokuro@example.com");
        assertEquals("unsubscribed", after.status().db());
        assertEquals("mailto", after.unsubscribeSource());
    }

    @Test
    void aReadersReplyStaysInTheInboxUntouched() throws Exception {
        in.reader("nana@example.com");
        lessons(0);
        in.deliver("reader-reply.eml", in.about("nana@example.com", in.sent("nana@example.com").get(0)));
        Snapshot before = Snapshot.of(in.world);
        String out = in.check().out();
        assertTrue(out.contains("left: not a report"), out);
        assertEquals(before, Snapshot.of(in.world));
        assertEquals(1, in.count("INBOX"));
        assertEquals(0, in.count("tayori-processed"));
    }

    @Test
    void aSecondCheckChangesNothingEvenWhenTheSameMessagesComeAgain() throws Exception {
        in.reader("hachi@example.com");
        in.reader("kyu@example.com");
        lessons(0);
        in.deliver("postfix-dsn-hard.eml", Map.of("SELF", "dsn-1", "RECIPIENT", "hachi@example.com", "VERP",
                in.world.app().verp().address("bounces@example.jp", ((Number) in.sent("hachi@example.com").get(0).get("id")).longValue()), "MESSAGE_ID", "<x@y>"));
        in.deliver("dsn-mailbox-full.eml", Map.of("SELF", "dsn-2", "RECIPIENT", "kyu@example.com", "MESSAGE_ID",
                String.valueOf(in.sent("kyu@example.com").get(0).get("message_id"))));
        in.deliver("vacation.eml", Map.of("SELF", "vac-1", "RECIPIENT", "kyu@example.com", "MESSAGE_ID", "<none@x>"));
        in.deliver("reader-reply.eml", Map.of("SELF", "reply-1", "RECIPIENT", "kyu@example.com", "MESSAGE_ID", "<none@x>"));
        in.check();
        assertEquals(3, in.count("tayori-processed"));
        Snapshot after = Snapshot.of(in.world);

        TestWorld.CliResult second = in.check();
        assertEquals(after, Snapshot.of(in.world));
        assertEquals(1, in.count("INBOX"));
        // the relay sends the same reports again (same Message-IDs): recognised as handled, moved, not acted on twice
        in.deliver("postfix-dsn-hard.eml", Map.of("SELF", "dsn-1", "RECIPIENT", "hachi@example.com", "MESSAGE_ID", "<x@y>",
                "VERP", in.world.app().verp().address("bounces@example.jp", 1)));
        in.deliver("dsn-mailbox-full.eml", Map.of("SELF", "dsn-2", "RECIPIENT", "kyu@example.com", "MESSAGE_ID", "<x@y>"));
        String third = in.check().out();
        assertTrue(third.contains("already handled"), third);
        assertEquals(after, Snapshot.of(in.world));
        assertEquals(5, in.count("tayori-processed"));
        assertEquals(0, second.exitCode());
    }

    @Test
    void hostileMailIsLeftOrRecordedAndNeverACrash() throws Exception {
        in.reader("juu@example.com"); // a reader, but never sent anything
        in.deliver("forged-dsn.eml", Map.of("RECIPIENT", "juu@example.com"));
        in.deliver("postfix-dsn-hard.eml", Map.of("RECIPIENT", "stranger@example.org", "VERP", "bounces@example.jp",
                "MESSAGE_ID", "<nobody@example.org>"));
        in.deliver("arf-complaint.eml", Map.of("VERP", "bounces@example.jp", "MESSAGE_ID", "<unknown@example.jp>"));
        in.deliver("broken-mime.eml", Map.of());
        in.deliver("reader-reply.eml", Map.of("RECIPIENT", "<<<@@@>>>", "MESSAGE_ID", "not an id"));
        Snapshot before = Snapshot.of(in.world);

        TestWorld.CliResult r = in.check();

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(before, Snapshot.of(in.world));
        assertEquals("confirmed", in.status("juu@example.com"));
        assertEquals(5, r.out().lines().filter(l -> l.startsWith("#")).count(), r.out());
        assertFalse(r.out().contains("Exception") || r.err().contains("\tat "), r.out() + r.err());
        assertEquals(5, in.count("INBOX"));
    }

    @Test
    void aReportWhoseVerpTokenOrMessageIdNamesAnotherReadersMailBouncesNobody() throws Exception {
        in.reader("ichiro@example.com");
        in.reader("jiro@example.com");
        lessons(0);
        // a real token and a real Message-ID (each reader sees their own), borrowed to report someone else
        Map<String, String> borrowed = new java.util.HashMap<>(in.about("ichiro@example.com", in.sent("ichiro@example.com").get(0)));
        borrowed.put("RECIPIENT", "jiro@example.com");
        borrowed.put("SELF", "borrowed-1");
        in.deliver("postfix-dsn-hard.eml", borrowed);
        Map<String, String> byId = new java.util.HashMap<>(borrowed);
        byId.put("VERP", "bounces@example.jp");
        byId.put("SELF", "borrowed-2");
        in.deliver("postfix-dsn-hard.eml", byId);
        Snapshot before = Snapshot.of(in.world);

        TestWorld.CliResult r = in.check();

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, r.out().lines().filter(l -> l.contains("left: hard bounce for jiro@example.com (5.1.1), its VERP"
                + " address or Message-ID names another reader's mail")).count(), r.out());
        assertEquals(before, Snapshot.of(in.world));
        assertEquals("confirmed", in.status("ichiro@example.com"));
        assertEquals("confirmed", in.status("jiro@example.com"));
        assertEquals(2, in.count("INBOX"));
    }

    @Test
    void withVerpOnAReportThatNamesOnlyAnAddressIsLeftAndTheRealOneBounces() throws Exception {
        in.world.env().put("TAYORI_BOUNCE_ADDRESS", "bounces@example.jp");
        in.world.env().put("TAYORI_BOUNCE_VERP", "true");
        in.reader("saburo@example.com");
        lessons(0);
        // anyone who knows the address can write this one: sent to the plain address, none of our Message-IDs
        in.deliver("forged-dsn.eml", Map.of("SELF", "forged-1", "RECIPIENT", "saburo@example.com"));
        Snapshot before = Snapshot.of(in.world);

        TestWorld.CliResult forged = in.check();

        assertTrue(forged.out().contains("left: hard bounce for saburo@example.com (5.1.1), it names only an address,"
                + " no VERP token nor any of our Message-IDs"), forged.out());
        assertEquals(before, Snapshot.of(in.world));
        assertEquals("confirmed", in.status("saburo@example.com"));
        assertEquals(1, in.count("INBOX"));

        // the relay's own report comes back to the envelope of that mail
        Map<String, String> real = new java.util.HashMap<>(in.about("saburo@example.com", in.sent("saburo@example.com").get(0)));
        real.put("SELF", "real-1");
        in.deliver("postfix-dsn-hard.eml", real);
        TestWorld.CliResult r = in.check();
        assertTrue(r.out().contains("bounced saburo@example.com"), r.out());
        assertEquals("bounced", in.status("saburo@example.com"));
        assertEquals(1, in.count("INBOX"));
    }

    @Test
    void theOperatorUndoesABounceWithAReasonThatIsKept() {
        in.reader("ichi@example.com");
        lessons(0);
        in.deliver("postfix-dsn-hard.eml", in.about("ichi@example.com", in.sent("ichi@example.com").get(0)));
        in.check();
        assertEquals("bounced", in.status("ichi@example.com"));

        assertEquals(2, in.world.cli("subscribers", "unbounce", "ichi@example.com").exitCode(), "--reason is required");
        TestWorld.CliResult r = in.world.cli("subscribers", "unbounce", "ichi@example.com", "--reason",
                "the relay was down that morning");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("confirmed", in.status("ichi@example.com"));
        String show = in.world.cli("subscribers", "show", "ichi@example.com").out();
        assertTrue(show.contains("unbounce  the relay was down that morning"), show);
        assertEquals(1, in.world.cli("subscribers", "unbounce", "ichi@example.com", "--reason", "again").exitCode(),
                "only a bounced reader can be unbounced");
    }

    @Test
    void aMessageLargerThanTheCapIsLeftUnread() throws Exception {
        jakarta.mail.internet.MimeMessage huge = new jakarta.mail.internet.MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()));
        huge.setFrom("MAILER-DAEMON@huge.example");
        huge.setSubject("Undelivered Mail Returned to Sender");
        huge.setText("550 5.1.1 x\n".repeat(Inbox.SIZE_LIMIT / 10));
        huge.saveChanges();
        in.box.deliver(huge);
        Snapshot before = Snapshot.of(in.world);
        String out = in.check().out();
        assertTrue(out.contains("left: ") && out.contains("MB, larger than the 5 MB tayori reads"), out);
        assertFalse(out.contains("left: 5 MB"), "a message over the cap never reads as the cap itself: " + out);
        assertEquals(before, Snapshot.of(in.world));
        assertEquals(1, in.count("INBOX"));
    }

    @Test
    void anUnreachableMailboxIsOneLineWithoutThePasswordAndExitOne() {
        in.mailbox.stop();
        TestWorld.CliResult r = in.check();
        assertEquals(1, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: cannot read the mailbox imap://bounces@127.0.0.1:"), r.err());
        assertFalse((r.out() + r.err()).contains(InboxWorld.PASSWORD));
    }
}
