package dev.tayori.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;

/**
 * One limit, kept in the database for every process that sends from it: a ring of slots in
 * send_slots. This process reserves slots a few at a time in one statement (a block of about a
 * twentieth of the limit, at most {@value #MOST_PER_RESERVATION}), uses them for its next mails, and
 * hands back the ones it did not use. A reservation is good for a short time only
 * ({@link #MOST_USABLE}, or a tenth of the period), and counts in the database as used at the end of
 * that time: a mail sent from it is never later than the instant the window counts it at.
 */
final class SharedLimit {
    static final Duration MOST_USABLE = Duration.ofSeconds(1);
    static final int MOST_PER_RESERVATION = 100;

    /** Slots reserved in one statement, {@code left} of them still unused, good until {@code usableUntil}. */
    static final class Reservation {
        private final String holder;
        private final Instant usableUntil;
        private int left;

        private Reservation(String holder, Instant usableUntil, int left) {
            this.holder = holder;
            this.usableUntil = usableUntil;
            this.left = left;
        }
    }

    private final Limit limit;
    private final Jdbi jdbi;
    private final String process;
    private final int block;
    private final Duration usable;
    private final Deque<Reservation> pool = new ArrayDeque<>();
    private long reservations;
    private boolean ringReady;

    SharedLimit(Limit limit, Jdbi jdbi, String process) {
        this.limit = limit;
        this.jdbi = jdbi;
        this.process = process;
        this.block = Math.max(1, Math.min(MOST_PER_RESERVATION, limit.spec().count() / 20));
        Duration tenth = limit.spec().period().dividedBy(10);
        this.usable = tenth.compareTo(MOST_USABLE) < 0 ? tenth : MOST_USABLE;
    }

    Limit limit() {
        return limit;
    }

    /** A slot for one mail about to go now, or null when the limit is full. */
    synchronized Reservation take(Instant now) {
        while (!pool.isEmpty() && now.isAfter(pool.peekFirst().usableUntil)) {
            giveBack(pool.pollFirst());
        }
        if (pool.isEmpty()) {
            reserve(now);
        }
        Reservation r = pool.peekFirst();
        if (r == null) {
            return null;
        }
        if (--r.left == 0) {
            pool.pollFirst();
        }
        return r;
    }

    /** A slot taken for a mail that did not go after all (another limit was full): kept for the next one. */
    synchronized void putBack(Reservation r) {
        if (r.left++ == 0) {
            pool.addFirst(r);
        }
    }

    /** When a slot is expected to be free: now or later, never before now. */
    synchronized Instant nextFree(Instant now) {
        SendSlotDao.Ring ring = jdbi.withExtension(SendSlotDao.class, dao -> dao.ring(limit.ring(), limit.spec().count()));
        if (ring.slots() < limit.spec().count() || ring.oldest() == null) {
            ringReady = false; // another process rewrote the ring (its limit changed): make it whole again
            return now;
        }
        Instant free = ring.oldest().plus(limit.spec().period());
        return free.isAfter(now) ? free : now;
    }

    /** Hands back every reserved slot this process has not used: at the end of a run. */
    synchronized void giveBackUnused() {
        while (!pool.isEmpty()) {
            giveBack(pool.pollFirst());
        }
    }

    private void reserve(Instant now) {
        readyRing();
        String holder = process + "#" + (++reservations);
        Instant countAs = now.plus(usable);
        int got = jdbi.withExtension(SendSlotDao.class, dao -> dao.take(limit.ring(), limit.spec().count(),
                now.minus(limit.spec().period()), countAs, holder, block));
        if (got > 0) {
            pool.addLast(new Reservation(holder, countAs, got));
        }
    }

    private void giveBack(Reservation r) {
        if (r.left > 0) {
            jdbi.useExtension(SendSlotDao.class, dao -> dao.giveBack(limit.ring(), r.holder, r.left));
            r.left = 0;
        }
    }

    /**
     * Makes the ring as large as the limit, once per process: slots a new or raised limit lacks are
     * added free. A lowered limit keeps its latest instants, so the sends already made still count.
     */
    private void readyRing() {
        if (ringReady) {
            return;
        }
        int count = limit.spec().count();
        String ring = limit.ring();
        jdbi.useTransaction(h -> {
            SendSlotDao dao = h.attach(SendSlotDao.class);
            int all = dao.slotsOf(ring);
            if (all > count) {
                List<Long> newest = new ArrayList<>(dao.newest(ring, count));
                Collections.reverse(newest); // the oldest first, as slot 0 would be
                dao.deleteRing(ring);
                dao.addSlots(ring, IntStream.range(0, newest.size()).boxed().toList(), newest);
            }
            if (dao.ring(ring, count).slots() < count) {
                dao.addSlots(ring, IntStream.range(0, count).boxed().toList(), Collections.nCopies(count, 0L));
            }
        });
        ringReady = true;
    }
}
