package dev.tayori.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tayori.InboundFixtures;
import dev.tayori.MailParts;
import dev.tayori.TestWorld;
import dev.tayori.delivery.ScriptedSmtpServer;
import dev.tayori.subscriber.ConsentRecord;
import dev.tayori.web.WebServer;
import dev.tayori.web.admin.AdminAuth;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A tayori for the report tests, everything real: the newsletter's articles in a folder, mail sent to
 * a {@link ScriptedSmtpServer} (which can refuse a recipient, as a real server does with 550, and keeps
 * what it accepted), bounces arriving in a GreenMail IMAP mailbox read by `inbox check`, the web
 * server on a free port with the admin signed in, and click counts on. The workbook is paused, so the
 * only mail is the newsletter's.
 */
final class ReportWorld implements AutoCloseable {
    static final String ADMIN_PASSWORD = "correct horse battery staple";
    static final String BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
    private static final String MAILBOX_PASSWORD = "imap-secret-do-not-print-42";

    final TestWorld world;
    final ScriptedSmtpServer smtp;
    final GreenMail mailbox;
    final GreenMailUser box;
    final WebServer web;
    final String base;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Path articles;
    private String cookie;

    ReportWorld(Path dir, Instant now) throws Exception {
        smtp = new ScriptedSmtpServer();
        world = new TestWorld(dir, now);
        mailbox = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mailbox.start();
        box = mailbox.setUser("bounces@example.jp", "bounces", MAILBOX_PASSWORD);
        articles = Files.createDirectories(dir.resolve("articles"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        Map<String, String> env = world.env();
        env.put("TAYORI_SMTP_PORT", String.valueOf(smtp.port()));
        env.put("TAYORI_WEB_BASE_URL", base);
        env.put("TAYORI_ARTICLES_DIR", articles.toString());
        env.put("TAYORI_TRACKING_CLICKS", "true");
        env.put("TAYORI_INBOUND_HOST", "127.0.0.1");
        env.put("TAYORI_INBOUND_PORT", String.valueOf(mailbox.getImap().getPort()));
        env.put("TAYORI_INBOUND_PROTOCOL", "imap");
        env.put("TAYORI_INBOUND_USERNAME", "bounces");
        env.put("TAYORI_INBOUND_PASSWORD", MAILBOX_PASSWORD);
        AdminAuth auth = new AdminAuth(world.app().jdbi(), world.clock);
        auth.prepare(ADMIN_PASSWORD);
        web = new WebServer(world.app(), null, auth).start("127.0.0.1", port);
        assertEquals(0, world.cli("campaigns", "pause", "workbook").exitCode());
    }

    /** A column on the blog, published at {@code at}. */
    void article(String slug, String title, Instant at) throws Exception {
        Files.writeString(articles.resolve(slug + ".md"), """
                ---
                title: "%s"
                url: https://kokoro.example.jp/columns/%s/
                published: %s
                ---
                疲れた日は、まず深呼吸をひとつ。肩の力を抜いてみましょう。小さなことから始めれば大丈夫です。
                """.formatted(title, slug, at.atZone(TestWorld.TOKYO).toOffsetDateTime()));
    }

    void reader(String email) {
        Instant now = world.clock.instant();
        world.app().subscribers().addConfirmed(email, "", ConsentRecord.of("recorded-by-operator", now, "test", "test"), now);
    }

    void clock(Instant at) {
        world.clock.set(at);
    }

    /** Runs due work at {@code at}, as the scheduler would. */
    void runAt(Instant at) {
        world.clock.set(at);
        assertEquals(null, world.app().dueWork().run(at).problem());
    }

    /** The newsletter mails the SMTP server accepted for {@code email}, oldest first. */
    List<MimeMessage> newsletters(String email) {
        return smtp.messages().stream().filter(m -> m.recipients().contains(email)).map(m -> parse(m.text()))
                .filter(m -> MailParts.header(m, "List-Id").startsWith("<newsletter.")).toList();
    }

    /** The List-Unsubscribe https URL of a mail, as a mail program reads it. */
    static String listUnsubscribe(MimeMessage mail) {
        String header = MailParts.header(mail, "List-Unsubscribe");
        return header.substring(header.indexOf('<') + 1, header.indexOf('>'));
    }

    /** The delivery row a mail was sent from, by its Message-ID. */
    long deliveryOf(MimeMessage mail) {
        return world.app().jdbi().withHandle(h -> h.createQuery("SELECT id FROM deliveries WHERE message_id = :id")
                .bind("id", MailParts.header(mail, "Message-ID")).mapTo(Long.class).one());
    }

    /** Puts a bounce report about {@code mail} (a fixture of src/test/resources/inbound) in the mailbox, and reads it. */
    void bounce(String fixture, String email, MimeMessage mail) {
        Map<String, String> v = new HashMap<>();
        v.put("RECIPIENT", email);
        v.put("MESSAGE_ID", MailParts.header(mail, "Message-ID"));
        v.put("VERP", world.app().verp().address("bounces@example.jp", deliveryOf(mail)));
        box.deliver(InboundFixtures.load(fixture, v));
        TestWorld.CliResult r = world.cli("inbox", "check");
        assertEquals(0, r.exitCode(), r.err());
    }

    HttpResponse<String> get(String url, String userAgent) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : base + url)).GET();
        if (userAgent != null) {
            r.header("User-Agent", userAgent);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String url, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : base + url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** An admin page (or file), signed in as the operator. */
    HttpResponse<String> admin(String path) throws Exception {
        if (cookie == null) {
            HttpResponse<String> signIn = post("/admin/login", "password=" + ADMIN_PASSWORD.replace(' ', '+'));
            assertEquals(302, signIn.statusCode());
            String set = signIn.headers().firstValue("Set-Cookie").orElseThrow();
            cookie = set.substring(0, set.indexOf(';'));
        }
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static MimeMessage parse(String text) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        web.close();
        mailbox.stop();
        world.close();
        smtp.close();
    }
}
