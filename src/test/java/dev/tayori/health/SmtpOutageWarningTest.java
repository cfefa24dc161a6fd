package dev.tayori.health;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tayori.App;
import dev.tayori.TestWorld;
import dev.tayori.delivery.SendReport;
import dev.tayori.delivery.Stop;
import dev.tayori.subscriber.ConsentRecord;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SMTP server that cannot be used, as the dashboard tells it: real runs against a port where no
 * server listens, then a real GreenMail on that port that refuses our login, then takes it.
 */
class SmtpOutageWarningTest {
    static final Instant FIRST_FAILURE = tokyo(2026, 11, 30, 12, 0);

    @TempDir
    Path dir;
    TestWorld world;
    SignedInDashboard dashboard;
    int port;
    GreenMail server;

    @BeforeEach
    void start() throws Exception {
        world = new TestWorld(dir, FIRST_FAILURE);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens here until the test starts a server
        }
        world.env().put("TAYORI_SMTP_PORT", String.valueOf(port));
        dashboard = new SignedInDashboard(world);
        world.app().subscribers().addConfirmed("hanako@example.jp", "", ConsentRecord.of("recorded-by-operator",
                FIRST_FAILURE, "test", "test"), FIRST_FAILURE);
    }

    @AfterEach
    void stop() {
        dashboard.close();
        if (server != null) {
            server.stop();
        }
        world.close();
    }

    private SendReport runAt(App app, Instant at) {
        world.clock.set(at);
        return app.dueWork().run(at);
    }

    private String smtpWarning() throws Exception {
        String page = dashboard.page();
        int at = page.indexOf("id=\"warning-smtp-unreachable\"");
        return at < 0 ? "" : page.substring(at, page.indexOf("</li>", at));
    }

    @Test
    void anUnusableServerIsWarnedAboutSinceItsFirstFailureAcrossRestartsUntilARunGetsThrough() throws Exception {
        assertEquals("", smtpWarning(), "nothing has failed yet");

        SendReport down = runAt(world.app(), FIRST_FAILURE);
        assertEquals(Stop.Reason.SMTP_UNREACHABLE, down.stop().reason(), down.problem());
        String warning = smtpWarning();
        assertTrue(warning.contains("SMTPサーバーに接続できません（11月30日(月) 12:00から）。"), warning);
        assertTrue(warning.contains("smtp.host と smtp.port（いまは 127.0.0.1:" + port + "）"), warning);

        runAt(world.app(), tokyo(2026, 11, 30, 12, 10));
        assertTrue(smtpWarning().contains("（11月30日(月) 12:00から）"), "the first failure's instant is kept: " + smtpWarning());

        // A server now listens there, but our password is wrong; a restarted tayori (a new App over
        // the same database, as another node would be) adds to the same outage.
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("letters@example.jp", "secret"));
        server.start();
        world.env().put("TAYORI_SMTP_USERNAME", "letters@example.jp");
        world.env().put("TAYORI_SMTP_PASSWORD", "wrong");
        SendReport refused = runAt(world.restart(), tokyo(2026, 11, 30, 12, 20));
        assertEquals(Stop.Reason.LOGIN_REFUSED, refused.stop().reason(), refused.problem());
        warning = smtpWarning();
        assertTrue(warning.contains("SMTPサーバーにログインできません（11月30日(月) 12:00から）。"), warning);
        assertTrue(warning.contains("smtp.username と smtp.password"), warning);
        assertFalse(warning.contains("wrong"), "no password on the page: " + warning);
        assertEquals(0, server.getReceivedMessages().length);

        world.env().put("TAYORI_SMTP_PASSWORD", "secret");
        SendReport up = runAt(world.restart(), tokyo(2026, 11, 30, 12, 30));
        assertEquals(null, up.stop(), up.problem());
        assertEquals(1, server.getReceivedMessages().length, "lesson 1 went out");
        assertEquals("", smtpWarning(), "a run that got through clears the warning");
        assertEquals(List.of(), world.app().warnings().now().stream().map(Warning::kind).toList());
    }
}
