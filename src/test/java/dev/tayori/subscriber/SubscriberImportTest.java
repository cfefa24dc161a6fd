package dev.tayori.subscriber;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.TestWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `subscribers import` over a list that already has readers: known addresses stay exactly as they were. */
class SubscriberImportTest {
    @TempDir
    Path dir;
    TestWorld world;

    @BeforeEach
    void start() {
        world = new TestWorld(dir, tokyo(2026, 11, 23, 10, 0));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void aKnownAddressInTheFileIsSkippedAndKeepsItsOwnConsentRecord() throws Exception {
        assertEquals(0, world.cli("subscribers", "add", "aoi@example.jp", "--confirmed",
                "--consent-source", "seminar sign-up sheet").exitCode());
        Path csv = dir.resolve("readers.csv");
        Files.writeString(csv, "email,name,tags\nren@example.jp,蓮,seminar\naoi@example.jp,葵,vip\nmio@example.jp,澪,\n");

        TestWorld.CliResult first = world.cli("subscribers", "import", csv.toString(), "--consent-source", "paper form");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("imported 2, skipped 1"), first.out());

        Subscribers subscribers = world.app().subscribers();
        Subscriber aoi = subscribers.byEmail("aoi@example.jp");
        List<ConsentRecord> aoiConsents = subscribers.consents(aoi.id());
        assertEquals(1, aoiConsents.size(), "aoi keeps only the consent recorded when she was added");
        assertEquals("seminar sign-up sheet", aoiConsents.get(0).source());
        assertEquals(List.of(), world.app().jdbi().withExtension(SubscriberDao.class, dao -> dao.tagsOf(aoi.id())),
                "the file's tag for a known reader is not applied");

        Subscriber ren = subscribers.byEmail("ren@example.jp");
        List<ConsentRecord> renConsents = subscribers.consents(ren.id());
        assertEquals(1, renConsents.size());
        assertEquals("paper form", renConsents.get(0).source());
        assertTrue(renConsents.get(0).origin().endsWith("readers.csv:2"), renConsents.get(0).origin());
        assertEquals(List.of("seminar"), world.app().jdbi().withExtension(SubscriberDao.class, dao -> dao.tagsOf(ren.id())));
    }

    @Test
    void importingTheSameFileAgainAddsNobodyAndFailsNothing() throws Exception {
        Path csv = dir.resolve("readers.csv");
        Files.writeString(csv, "email,name\nren@example.jp,蓮\nmio@example.jp,澪\n");
        assertEquals(0, world.cli("subscribers", "import", csv.toString(), "--consent-source", "paper form").exitCode());

        TestWorld.CliResult again = world.cli("subscribers", "import", csv.toString(), "--consent-source", "paper form");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("imported 0, skipped 2"), again.out());
        for (String email : List.of("ren@example.jp", "mio@example.jp")) {
            Subscriber s = world.app().subscribers().byEmail(email);
            assertEquals(1, world.app().subscribers().consents(s.id()).size(), email + " has one consent record");
        }
    }
}
