package dev.tayori.authoring;

import java.time.Instant;
import java.util.Optional;

/**
 * One publish of a mail: its number (from 1, per mail), when, the operator's note of what changed,
 * and the words. A {@link Kind#FILE} revision records going back to the campaign file's version and
 * has no words of its own ({@link #source} is empty).
 */
public record Revision(String campaignId, int step, int number, Kind kind, Optional<MailSource> source, String note,
        Instant publishedAt, Optional<Integer> restoredFrom) {
    public enum Kind {
        /** Words published from the editor (or the API). */
        PUBLISHED("published"),
        /** An earlier revision's words published again. */
        RESTORED("restored"),
        /** Back to the campaign file's version. */
        FILE("file");

        private final String db;

        Kind(String db) {
            this.db = db;
        }

        String db() {
            return db;
        }

        static Kind of(String db) {
            for (Kind k : values()) {
                if (k.db.equals(db)) {
                    return k;
                }
            }
            throw new IllegalStateException("unknown revision kind in the database: " + db);
        }
    }

    static Revision of(RevisionDao.RevisionRow row) {
        Kind kind = Kind.of(row.kind());
        Optional<MailSource> source = kind == Kind.FILE ? Optional.empty()
                : Optional.of(new MailSource(row.subject(), row.preheader(), row.body()));
        return new Revision(row.campaignId(), row.step(), row.revision(), kind, source, row.note(), row.publishedAt(),
                Optional.ofNullable(row.restoredFrom()));
    }
}
