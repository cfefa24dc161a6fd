package dev.tayori.authoring;

import dev.tayori.campaign.Announcement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The announcements made in the browser, as {@link dev.tayori.campaign.Campaigns} lists them beside
 * the file campaigns. Read from the database at most every 5 seconds: the sender looks a campaign up
 * for every mail, and another node's new announcement may well wait that long to be seen.
 */
public final class StoredAnnouncements implements Supplier<List<Announcement>> {
    /** Where such an announcement "lives", for listings that print a campaign's file. */
    public static final Path PLACE = Path.of("(browser)");
    private static final long LIFETIME_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final Duration CATCH_UP = Duration.ofHours(12);

    private final Jdbi jdbi;
    private volatile List<Announcement> known;
    private volatile long readAt;

    public StoredAnnouncements(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Announcement> get() {
        List<Announcement> current = known;
        if (current == null || System.nanoTime() - readAt > LIFETIME_NANOS) {
            current = jdbi.withExtension(RevisionDao.class, RevisionDao::announcements).stream()
                    .map(row -> new Announcement(row.campaignId(), row.name(), PLACE.resolve(row.campaignId()),
                            row.subject() == null ? "" : row.subject(), null, row.segment(), CATCH_UP, 0, 0, 0))
                    .toList();
            known = current;
            readAt = System.nanoTime();
        }
        return current;
    }

    /** After this node created one: the next look-up reads the database. */
    void forget() {
        known = null;
    }

    /** Whether this announcement was made in the browser (it has no campaign file). */
    public static boolean madeInBrowser(Announcement announcement) {
        return announcement.template() == null;
    }
}
