package dev.tayori.delivery;

import java.util.Map;
import java.util.TreeMap;

/** What one run did, per campaign: the numbers `send-due` prints. */
public final class SendReport {
    public static final class Counts {
        public int planned;
        public int sent;
        public int failed;
        public int cancelled;
        public int retrying;

        @Override
        public String toString() {
            return "planned " + planned + ", sent " + sent + ", failed " + failed
                    + (retrying > 0 ? ", will retry " + retrying : "") + (cancelled > 0 ? ", cancelled " + cancelled : "");
        }
    }

    private final Map<String, Counts> byCampaign = new TreeMap<>();
    private final java.util.List<String> warnings = new java.util.ArrayList<>();
    private final java.util.List<String> notes = new java.util.ArrayList<>();

    /** Why sending stopped before the end, and the English line that says so with how many mails wait. */
    private Stop stop;
    private String stopLine;

    /** Sending stopped early: {@code line} is what the command line and the log print. */
    public synchronized void stopped(Stop why, String line) {
        this.stop = why;
        this.stopLine = line;
    }

    /** Why sending stopped early, or null when it went to the end of what was due. */
    public synchronized Stop stop() {
        return stop;
    }

    /** A sending limit that made a run stop early, and how many mails wait for it (counted in the database). */
    public record Held(dev.tayori.limits.Hold hold, long waiting) {
    }

    private Held held;

    /** Set when a sending limit made this run stop early; the rest goes in a later run. */
    public synchronized void hold(dev.tayori.limits.Hold hold, long waiting) {
        this.held = new Held(hold, waiting);
    }

    /** The limit this run stopped for, or null. */
    public synchronized Held held() {
        return held;
    }

    /** Something the operator should read that is not a problem: an issue skipped by the stated policy. */
    public synchronized void note(String message) {
        notes.add(message);
    }

    public synchronized java.util.List<String> notes() {
        return java.util.List.copyOf(notes);
    }

    public synchronized void warn(String message) {
        warnings.add(message);
    }

    public java.util.List<String> warnings() {
        return warnings;
    }

    public synchronized Counts of(String campaignId) {
        return byCampaign.computeIfAbsent(campaignId, id -> new Counts());
    }

    public Map<String, Counts> byCampaign() {
        return byCampaign;
    }

    /** Set when sending stopped early for something wrong, e.g. the SMTP server could not be reached. */
    public synchronized String problem() {
        return stop != null && !stop.waits() ? stopLine : null;
    }

    private java.time.Duration planning = java.time.Duration.ZERO;
    private java.time.Duration sending = java.time.Duration.ZERO;

    public synchronized void planningTook(java.time.Duration d) {
        planning = d;
    }

    public synchronized void sendingTook(java.time.Duration d) {
        sending = d;
    }

    public synchronized java.time.Duration planning() {
        return planning;
    }

    public synchronized java.time.Duration sending() {
        return sending;
    }

    public int total(java.util.function.ToIntFunction<Counts> field) {
        return byCampaign.values().stream().mapToInt(field).sum();
    }
}
