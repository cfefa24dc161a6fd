package dev.tayori.limits;

import dev.tayori.config.RateSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The sending limits of the settings, held for every process on one database and across restarts
 * (table send_slots): a rate for all mail, a window (1000 an hour), and slower limits for domains
 * that throttle senders. Mail to a domain without a limit, with no limit for all mail set, touches
 * no table at all: a mailing without limits goes as fast as before.
 */
public final class SendLimits {
    private final List<SharedLimit> global = new ArrayList<>();
    private final Map<String, SharedLimit> domains = new LinkedHashMap<>();
    private final Jdbi jdbi;
    private final Clock wallClock;

    /**
     * @param process this process's name, unique among those sharing the database: it names the
     *     slots it holds
     * @param wallClock what the limits count on, as the sending does (leases too): the real time, not
     *     the instant a run is for
     */
    public SendLimits(int ratePerSecond, RateSpec window, Map<String, RateSpec> domainLimits, Jdbi jdbi, String process,
            Clock wallClock) {
        this.jdbi = jdbi;
        this.wallClock = wallClock;
        if (ratePerSecond > 0) {
            global.add(new SharedLimit(new Limit(Limit.Kind.RATE, null, new RateSpec(ratePerSecond, Duration.ofSeconds(1))),
                    jdbi, process));
        }
        if (window != null) {
            global.add(new SharedLimit(new Limit(Limit.Kind.WINDOW, null, window), jdbi, process));
        }
        domainLimits.forEach((domain, spec) -> {
            String d = domain.toLowerCase(Locale.ROOT);
            domains.put(d, new SharedLimit(new Limit(Limit.Kind.DOMAIN, d, spec), jdbi, process));
        });
    }

    /**
     * Takes a slot of every limit a mail to {@code domain} falls under, for a mail about to go now;
     * empty when it may go. Otherwise nothing is taken, and the hold says which limit is full and
     * when it should have room: a limit for all mail before a domain's.
     */
    public Optional<Hold> take(String domain, Instant now) {
        SharedLimit forDomain = domains.get(domain.toLowerCase(Locale.ROOT));
        if (global.isEmpty() && forDomain == null) {
            return Optional.empty();
        }
        List<SharedLimit> applying = new ArrayList<>(global);
        if (forDomain != null) {
            applying.add(forDomain);
        }
        List<SharedLimit.Reservation> taken = new ArrayList<>(applying.size());
        for (SharedLimit limit : applying) {
            SharedLimit.Reservation slot = limit.take(now);
            if (slot == null) {
                for (int i = 0; i < taken.size(); i++) {
                    applying.get(i).putBack(taken.get(i));
                }
                return Optional.of(new Hold(limit.limit(), limit.nextFree(now)));
            }
            taken.add(slot);
        }
        return Optional.empty();
    }

    /** Hands back the slots this process reserved and did not use, for other processes (or the next run). */
    public void giveBackUnused() {
        global.forEach(SharedLimit::giveBackUnused);
        domains.values().forEach(SharedLimit::giveBackUnused);
    }

    /**
     * The limits that are full now and stay full for longer than {@code longerThan}, as any process
     * sees them: for the dashboard. A limit no process has used yet has no ring and is not full.
     */
    public List<Hold> full(Duration longerThan) {
        Instant now = wallClock.instant();
        List<Hold> full = new ArrayList<>();
        List<SharedLimit> all = new ArrayList<>(global);
        all.addAll(domains.values());
        if (all.isEmpty()) {
            return full;
        }
        jdbi.useExtension(SendSlotDao.class, dao -> {
            for (SharedLimit limit : all) {
                Limit l = limit.limit();
                SendSlotDao.Ring ring = dao.ring(l.ring(), l.spec().count());
                if (ring.slots() >= l.spec().count() && ring.oldest() != null) {
                    Instant free = ring.oldest().plus(l.spec().period());
                    if (free.isAfter(now.plus(longerThan))) {
                        full.add(new Hold(l, free));
                    }
                }
            }
        });
        return full;
    }
}
