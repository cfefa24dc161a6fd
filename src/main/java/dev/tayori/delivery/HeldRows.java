package dev.tayori.delivery;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * The rows one sender has taken from the pool's queue: up to {@link SubscriberLookup#GROUP} at a time,
 * their readers' status read again in one statement as they are taken. A reader who unsubscribes
 * after that read still gets the mail already in this sender's hands (at most a group, a few
 * hundredths of a second of sending); every row taken later is checked again.
 */
final class HeldRows {
    private final BlockingQueue<Claimed> queue;
    private final SubscriberLookup lookup;
    private final ArrayDeque<Claimed> held = new ArrayDeque<>();

    HeldRows(BlockingQueue<Claimed> queue, SubscriberLookup lookup) {
        this.queue = queue;
        this.lookup = lookup;
    }

    /**
     * The next row, waiting for one. An end marker (id < 0) is handed on as it comes. A failed status
     * read stops the sender (the rows it holds are handed back when the run ends).
     */
    Claimed take() throws InterruptedException, SQLException {
        if (held.isEmpty()) {
            hold(queue.take());
        }
        return held.poll();
    }

    /** The next row, or null when none is waiting. */
    Claimed poll() throws SQLException {
        if (held.isEmpty()) {
            Claimed first = queue.poll();
            if (first == null) {
                return null;
            }
            hold(first);
        }
        return held.poll();
    }

    /**
     * Takes {@code first} and what else is waiting, up to a group, stopping at an end marker: each
     * sender must find one of its own in the queue.
     */
    private void hold(Claimed first) throws SQLException {
        List<Claimed> group = new ArrayList<>(SubscriberLookup.GROUP);
        Claimed end = null;
        for (Claimed row = first; row != null; row = group.size() < SubscriberLookup.GROUP ? queue.poll() : null) {
            if (row.delivery().id() < 0) {
                end = row;
                break;
            }
            group.add(row);
        }
        if (!group.isEmpty()) {
            held.addAll(lookup.fresh(group));
        }
        if (end != null) {
            held.add(end);
        }
    }
}
