package dev.tayori.delivery;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tayori.TestWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * The world the fault and crash tests share: tayori sending to a {@link ScriptedSmtpServer}, an
 * (empty) articles folder so the newsletter stays out of the way, and readers imported from a CSV
 * with the course announcement scheduled for 2026-12-01 12:00 JST.
 */
final class ScriptedMailing {
    private ScriptedMailing() {
    }

    static TestWorld world(Path dir, ScriptedSmtpServer smtp) throws IOException {
        TestWorld world = new TestWorld(dir, tokyo(2026, 11, 30, 9, 0));
        world.env().put("TAYORI_SMTP_PORT", String.valueOf(smtp.port()));
        world.env().put("TAYORI_ARTICLES_DIR", Files.createDirectories(dir.resolve("no-articles")).toString());
        return world;
    }

    /** Imports readers 1 to {@code readers}, reader i at {@code address.apply(i)}, and schedules the announcement. */
    static void readersAndAnnouncement(TestWorld world, Path dir, int readers, IntFunction<String> address)
            throws IOException {
        StringBuilder csv = new StringBuilder("email,name\n");
        for (int i = 1; i <= readers; i++) {
            csv.append(address.apply(i)).append(",\n");
        }
        Files.writeString(dir.resolve("readers.csv"), csv);
        assertEquals(0, world.cli("subscribers", "import", dir.resolve("readers.csv").toString(),
                "--consent-source", "test list").exitCode());
        assertEquals(0, world.cli("campaigns", "schedule", "course-early-booking", "--at", "2026-12-01T12:00+09:00")
                .exitCode());
    }
}
