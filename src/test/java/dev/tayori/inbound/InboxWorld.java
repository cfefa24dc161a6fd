package dev.tayori.inbound;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tayori.InboundFixtures;
import dev.tayori.TestWorld;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A TestWorld whose inbound mailbox is a real GreenMail IMAP (or POP3) server: bounces@example.jp,
 * touroku@example.jp for sign-ups and unsubscribe@example.jp for mailto unsubscribes.
 */
final class InboxWorld implements AutoCloseable {
    static final String PASSWORD = "imap-secret-do-not-print-42";
    final TestWorld world;
    final GreenMail mailbox;
    final GreenMailUser box;

    InboxWorld(Path dir, Instant now, ServerSetup[] setup, String protocol) {
        world = new TestWorld(dir, now);
        mailbox = new GreenMail(ServerSetup.dynamicPort(setup));
        mailbox.start();
        box = mailbox.setUser("bounces@example.jp", "bounces", PASSWORD);
        int port = switch (protocol) {
            case "imap" -> mailbox.getImap().getPort();
            case "imaps" -> mailbox.getImaps().getPort();
            default -> mailbox.getPop3().getPort();
        };
        Map<String, String> env = world.env();
        env.put("TAYORI_INBOUND_HOST", "127.0.0.1");
        env.put("TAYORI_INBOUND_PORT", String.valueOf(port));
        env.put("TAYORI_INBOUND_PROTOCOL", protocol);
        env.put("TAYORI_INBOUND_USERNAME", "bounces");
        env.put("TAYORI_INBOUND_PASSWORD", PASSWORD);
        env.put("TAYORI_INBOUND_SUBSCRIBE_ADDRESS", "touroku@example.jp");
        env.put("TAYORI_INBOUND_UNSUBSCRIBE_ADDRESS", "unsubscribe@example.jp");
    }

    static InboxWorld imap(Path dir, Instant now) {
        return new InboxWorld(dir, now, ServerSetupTest.SMTP_IMAP, "imap");
    }

    /** Puts a fixture in the mailbox, as the relay's bounce or a reader's mail would arrive. */
    void deliver(String fixture, Map<String, String> values) {
        box.deliver(InboundFixtures.load(fixture, values));
    }

    TestWorld.CliResult check() {
        return world.cli("inbox", "check");
    }

    /** A confirmed reader who has been sent lesson 1. */
    void reader(String email) {
        TestWorld.CliResult r = world.cli("subscribers", "add", email, "--confirmed", "--consent-source", "test");
        if (r.exitCode() != 0) {
            throw new AssertionError(r.err());
        }
    }

    /** The reader's sent mail, oldest first: delivery id and Message-ID. */
    List<Map<String, Object>> sent(String email) {
        return world.app().jdbi().withHandle(h -> h.createQuery("SELECT d.id, d.message_id, d.campaign_id FROM deliveries d"
                + " JOIN subscribers s ON s.id = d.subscriber_id WHERE s.email = :email AND d.state = 'sent' ORDER BY d.sent_at, d.id")
                .bind("email", email).mapToMap().list());
    }

    /** The values a fixture about one sent mail needs: its reader, its VERP address, its Message-ID. */
    Map<String, String> about(String email, Map<String, Object> delivery) {
        Map<String, String> v = new HashMap<>();
        v.put("RECIPIENT", email);
        v.put("VERP", world.app().verp().address("bounces@example.jp", ((Number) delivery.get("id")).longValue()));
        v.put("MESSAGE_ID", String.valueOf(delivery.get("message_id")));
        return v;
    }

    String status(String email) {
        return world.app().subscribers().byEmail(email).status().db();
    }

    /** How many messages a folder of the mailbox holds, read over IMAP as any mail client would. */
    int count(String folder) throws Exception {
        Properties props = new Properties();
        Store store = Session.getInstance(props).getStore("imap");
        store.connect("127.0.0.1", mailbox.getImap().getPort(), "bounces", PASSWORD);
        try {
            Folder f = store.getFolder(folder);
            if (!f.exists()) {
                return 0;
            }
            f.open(Folder.READ_ONLY);
            int n = f.getMessageCount();
            f.close(false);
            return n;
        } finally {
            store.close();
        }
    }

    @Override
    public void close() {
        mailbox.stop();
        world.close();
    }
}
