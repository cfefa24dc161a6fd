package dev.tayori.health;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.TestWorld;
import dev.tayori.delivery.SendReport;
import dev.tayori.inbound.InboundKind;
import dev.tayori.subscriber.ConsentRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's warnings, read over real HTTP from a real SQLite file after real sends. */
class DashboardWarningsTest {
    @TempDir
    Path dir;
    TestWorld world;
    SignedInDashboard dashboard;
    final Instant start = tokyo(2026, 11, 30, 12, 0);

    @BeforeEach
    void startWeb() throws Exception {
        world = new TestWorld(dir, start);
        dashboard = new SignedInDashboard(world);
    }

    @AfterEach
    void stop() {
        dashboard.close();
        world.close();
    }

    private String dashboard() throws Exception {
        return dashboard.page();
    }

    private void confirm(String email) {
        Instant at = world.clock.instant();
        world.app().subscribers().addConfirmed(email, "", ConsentRecord.of("recorded-by-operator", at, "test", "test"), at);
    }

    private List<Warning.Kind> kinds() {
        return world.app().warnings().now().stream().map(Warning::kind).toList();
    }

    @Test
    void mailStillWaitingFifteenMinutesAfterItWasDueIsWarnedAboutWithWhatToCheck() throws Exception {
        confirm("hanako@example.jp");
        world.app().dueWork().plan(start, new SendReport()); // lesson 1 recorded, nothing sent (as with SMTP down)
        world.clock.set(start.plus(Duration.ofMinutes(14)));
        assertEquals(List.of(), kinds(), "within the grace period");
        assertFalse(dashboard().contains("id=\"warnings\""));

        world.clock.set(start.plus(Duration.ofMinutes(16)));
        assertEquals(List.of(Warning.Kind.MAIL_WAITING), kinds());
        String page = dashboard();
        assertTrue(page.contains("1通のメールが、送信予定の時刻（最も古いもので11月30日(月) 12:00）を15分以上過ぎても送られていません。"),
                page);
        assertTrue(page.contains("SMTPサーバーに接続できるか"), page);

        world.app().dueWork().run(world.clock.instant());
        assertEquals(List.of(), kinds(), "once sent, the warning goes");
    }

    @Test
    void bounceAndComplaintRatesOverTheirLimitsOfTheLast30DaysAreWarnedAbout() throws Exception {
        for (int i = 0; i < 20; i++) {
            confirm("reader" + i + "@example.jp");
        }
        world.app().dueWork().run(start);
        assertEquals(20, world.received().size());
        assertEquals(List.of(), kinds(), "nothing wrong yet");

        world.app().bounces().fromWebhook("reader1@example.jp", InboundKind.COMPLAINT, "abuse report");
        assertEquals(List.of(Warning.Kind.COMPLAINT_RATE), kinds(), "1 in 20 is over 0.1%");
        world.app().bounces().fromWebhook("reader2@example.jp", InboundKind.HARD, "550 no such user");
        assertEquals(List.of(Warning.Kind.BOUNCE_RATE, Warning.Kind.COMPLAINT_RATE), kinds(), "1 in 20 is over 2%");
        String page = dashboard();
        assertTrue(page.contains("過去30日の不達率が5.00%です（20通中1通、目安は2%未満）。"), page);
        assertTrue(page.contains("過去30日の迷惑メール報告の率が5.00%です（20通中1件、目安は0.1%未満、Gmailの上限は0.3%）。"), page);

        world.clock.set(start.plus(Duration.ofDays(31)));
        assertEquals(List.of(), kinds(), "only the last 30 days count");
    }
}
