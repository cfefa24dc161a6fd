package dev.tayori.erasure;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tayori.App;
import dev.tayori.Snapshot;
import dev.tayori.TestWorld;
import dev.tayori.inbound.InboundKind;
import dev.tayori.overview.CampaignOverview;
import dev.tayori.subscriber.ConsentRecord;
import dev.tayori.subscriber.ConsentWording;
import dev.tayori.subscriber.SubscriberStatus;
import dev.tayori.subscriber.Subscribers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Erasure at a reader's request, proved on the whole SQLite file, and the suppression list after it. */
class ErasureTest {
    static final String EMAIL = "Hanako.Yamada@Example.JP";
    static final String NAME = "山田花子";
    static final String IP = "203.0.113.77";
    static final String AGENT = "Mozilla/5.0 (ErasureTestBrowser)";

    @TempDir
    Path dir;
    TestWorld world;
    String unsubscribeToken;
    String confirmationToken;

    @BeforeEach
    void aReaderWithDeliveriesConsentTagsAndABounce() {
        world = new TestWorld(dir, tokyo(2026, 11, 23, 10, 0));
        signUpFromTheForm(world.app());
        assertEquals(0, world.cli("send-due").exitCode());
        assertEquals(0, world.cli("subscribers", "tag", EMAIL, "seminar-2026").exitCode());
        world.app().bounces().fromWebhook(EMAIL, InboundKind.SOFT, "452 4.2.2 <hanako.yamada@example.jp> mailbox full");
        unsubscribeToken = world.app().subscribers().byEmail(EMAIL).unsubscribeToken();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private void signUpFromTheForm(App app) {
        Subscribers.SignUp signUp = app.subscribers().requestSubscription(EMAIL, NAME,
                new ConsentRecord("requested", world.clock.instant(), "web form", IP, AGENT, ConsentWording.VERSION),
                Duration.ZERO);
        confirmationToken = signUp.confirmation().orElseThrow().token();
        assertEquals(Subscribers.ConfirmOutcome.CONFIRMED, app.subscribers().confirm(confirmationToken,
                new ConsentRecord("confirmed", world.clock.instant(), "confirmation link", IP, AGENT, null)).outcome());
    }

    private int workbookSent() {
        App app = world.app();
        return CampaignOverview.of(app, app.campaigns().find("workbook").orElseThrow(), world.clock.instant()).tally().sent();
    }

    @Test
    void anErasedReaderIsInNoTableButTheirSentMailStillCountsAndTheAddressIsSuppressed() throws Exception {
        int sentBefore = workbookSent();
        assertTrue(sentBefore >= 1, "lesson 1 went out");

        TestWorld.CliResult erase = world.cli("subscribers", "erase", EMAIL.toUpperCase(Locale.ROOT));
        assertEquals(0, erase.exitCode(), erase.err());
        assertTrue(erase.out().contains("suppression list"), erase.out());

        Snapshot after = Snapshot.of(world);
        for (String personal : List.of(EMAIL.toLowerCase(Locale.ROOT), NAME, IP, AGENT.toLowerCase(Locale.ROOT),
                unsubscribeToken.toLowerCase(Locale.ROOT), confirmationToken.toLowerCase(Locale.ROOT), "seminar-2026")) {
            for (Map.Entry<String, List<String>> table : after.tables().entrySet()) {
                for (String row : table.getValue()) {
                    assertFalse(row.toLowerCase(Locale.ROOT).contains(personal),
                            "table " + table.getKey() + " still holds '" + personal + "': " + row);
                }
            }
        }
        assertEquals(1, after.tables().get("suppressions").size());
        assertTrue(after.tables().get("erasures").get(0).endsWith("| cli"), after.tables().get("erasures").toString());
        assertEquals(sentBefore, workbookSent(), "the report still counts the erased reader's sent mail");
        assertEquals(1, world.cli("subscribers", "show", EMAIL).exitCode(), "no such reader any more");
        assertTrue(world.cli("subscribers", "list").out().contains("0 subscriber(s)"), "the placeholder is no reader");
    }

    @Test
    void anErasedAddressIsRefusedByImportAndAddConfirmedButANewDoubleOptInIsNewConsent() throws Exception {
        assertEquals(0, world.cli("subscribers", "erase", EMAIL).exitCode());
        Snapshot erased = Snapshot.of(world);

        Path csv = dir.resolve("again.csv");
        Files.writeString(csv, "email,name\nhanako.yamada@example.jp,花子\n", StandardCharsets.UTF_8);
        TestWorld.CliResult imported = world.cli("subscribers", "import", csv.toString(), "--consent-source", "old list");
        assertTrue(imported.out().startsWith("imported 0"), imported.out());
        assertTrue(imported.err().contains("again.csv:2") && imported.err().contains("suppression list"), imported.err());

        TestWorld.CliResult added = world.cli("subscribers", "add", EMAIL, "--confirmed", "--consent-source", "paper form");
        assertEquals(2, added.exitCode());
        assertTrue(added.err().contains("suppression list"), added.err());
        assertEquals(erased.tables(), Snapshot.of(world).tables(), "the refusals wrote nothing");

        // the reader signs up again through the form and confirms: new consent, the suppression lifted
        world.clock.advance(Duration.ofDays(1));
        signUpFromTheForm(world.app());
        assertEquals(SubscriberStatus.CONFIRMED, world.app().subscribers().byEmail(EMAIL).status());
        assertTrue(Snapshot.of(world).tables().get("suppressions").isEmpty());
    }

    @Test
    void exportDataPrintsEverythingHeldAboutTheReaderAsJsonWithTheConsentWording() throws Exception {
        TestWorld.CliResult export = world.cli("subscribers", "export-data", EMAIL);
        assertEquals(0, export.exitCode(), export.err());
        JsonNode json = new ObjectMapper().readTree(export.out());
        assertEquals(EMAIL, json.get("subscriber").get("email").asText());
        assertEquals(NAME, json.get("subscriber").get("name").asText());
        JsonNode requested = json.get("consent_records").get(0);
        assertEquals(IP, requested.get("origin").asText());
        assertEquals(AGENT, requested.get("user_agent").asText());
        assertEquals(ConsentWording.text(world.settings().sender().name()), requested.get("wording").asText());
        assertEquals("seminar-2026", json.get("tags").get(0).asText());
        assertTrue(json.get("deliveries").size() >= 2, "the confirmation and lesson 1");
        assertEquals("soft", json.get("bounces_and_replies").get(0).get("kind").asText());

        String csv = world.cli("subscribers", "export", "--encoding", "UTF-8").out();
        assertTrue(csv.contains("form " + ConsentWording.VERSION + " wording「「登録する」を押すと") && csv.contains(AGENT), csv);

        String show = world.cli("subscribers", "show", EMAIL).out();
        assertTrue(show.contains("browser: " + AGENT) && show.contains("wording: 「登録する」を押すと"), show);
    }
}
