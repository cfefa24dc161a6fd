package dev.tayori.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.InboundFixtures;
import java.util.List;
import java.util.Map;
import dev.tayori.db.Database;
import dev.tayori.mail.Verp;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassifierTest {
    private static final String READER = "hanako@example.com";
    private static final String OUR_ID = "<abc.12.step-1.workbook@example.jp>";
    @TempDir
    static Path dir;
    private static Database db;
    private static Verp verp;
    private static Classifier classifier;

    @BeforeAll
    static void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("classifier.db"));
        verp = Verp.of(db.jdbi(), Clock.systemUTC());
        classifier = new Classifier("touroku@example.jp", "unsubscribe@example.jp",
                Set.of("letters@example.jp", "support@example.jp", "bounces@example.jp"), verp::deliveryId);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private Understood read(String fixture) {
        return classifier.read(InboundFixtures.load(fixture, Map.of("RECIPIENT", READER, "VERP",
                verp.address("bounces@example.jp", 42), "MESSAGE_ID", OUR_ID, "TOKEN", "tok_ABCDEFGHIJKLMNOP1234")));
    }

    @ParameterizedTest(name = "{0} is a {1} bounce ({2}) for the reader")
    @CsvSource({
            "postfix-dsn-hard.eml, HARD, 5.1.1",
            "dsn-mailbox-full.eml, SOFT, 4.2.2",
            "exim-failed.eml, HARD, 5.1.1",
            "exchange-ndr.eml, HARD, 5.1.10",
            "gmail-text.eml, HARD, 5.1.1",
            "docomo-mailbox-full.eml, SOFT, 4.2.2",
            "au-user-unknown.eml, HARD, 5.1.1"})
    void everyCommonBounceFormNamesTheReaderAndTheStatus(String fixture, BounceKind kind, String status) {
        Understood.Bounce bounce = assertInstanceOf(Understood.Bounce.class, read(fixture));
        assertEquals(kind, bounce.kind());
        assertEquals(status, bounce.status());
        assertEquals(READER, bounce.recipient());
        assertTrue(!bounce.diagnostic().isBlank(), "a diagnostic for the operator");
    }

    @Test
    void aDsnPointsAtItsDeliveryByVerpAndByTheReturnedMessageId() {
        Understood.Bounce bounce = (Understood.Bounce) read("postfix-dsn-hard.eml");
        assertEquals(List.of(42L), bounce.clues().verpDeliveryIds());
        assertEquals(List.of(OUR_ID), bounce.clues().messageIds());
        assertTrue(bounce.diagnostic().contains("User unknown"), bounce.diagnostic());
    }

    @Test
    void anAbuseReportIsAComplaintAboutTheMailItQuotes() {
        Understood.Complaint complaint = assertInstanceOf(Understood.Complaint.class, read("arf-complaint.eml"));
        assertEquals("abuse", complaint.feedbackType());
        assertEquals(List.of(OUR_ID), complaint.clues().messageIds());
    }

    @Test
    void vacationNoticesAndAutoRepliesAreNeverBounces() {
        assertInstanceOf(Understood.AutoReply.class, read("vacation.eml"));
        assertInstanceOf(Understood.AutoReply.class, read("x-autoreply.eml"));
    }

    @Test
    void mailToTayorisOwnAddressesIsASignUpOrAnUnsubscribe() {
        Understood.BlankSignUp signUp = assertInstanceOf(Understood.BlankSignUp.class, read("blank-signup.eml"));
        assertEquals(READER, signUp.sender());
        assertTrue(signUp.origin().startsWith("Message-ID <") && signUp.origin().contains("Received: from mgw.docomo.ne.jp"),
                signUp.origin());
        Understood.MailtoUnsubscribe unsubscribe = assertInstanceOf(Understood.MailtoUnsubscribe.class,
                read("mailto-unsubscribe.eml"));
        assertEquals("tok_ABCDEFGHIJKLMNOP1234", unsubscribe.token());
    }

    @Test
    void aReadersReplyAndBrokenMimeAreLeftAlone() {
        assertInstanceOf(Understood.Unrecognised.class, read("reader-reply.eml"));
        Understood broken = read("broken-mime.eml");
        // a mailer daemon's subject with nothing readable inside: still a bounce with no recipient, never an exception
        assertTrue(broken instanceof Understood.Unrecognised || broken instanceof Understood.Bounce b && b.recipient().isEmpty(),
                broken.toString());
    }
}
