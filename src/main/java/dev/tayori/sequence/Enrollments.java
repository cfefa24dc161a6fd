package dev.tayori.sequence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Joining and leaving sequences. */
public final class Enrollments {
    private final Jdbi jdbi;

    public Enrollments(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Enrolls once; returns false when the subscriber was enrolled before (a returning reader). */
    public static boolean enroll(Handle handle, long subscriberId, String sequenceId, Instant at) {
        return handle.attach(EnrollmentDao.class).enroll(subscriberId, sequenceId, at) == 1;
    }

    public static void stopAll(Handle handle, long subscriberId) {
        handle.attach(EnrollmentDao.class).stopAll(subscriberId);
    }

    /** The operator's say-so: the sequence again from step 1, now, as a new round. */
    public boolean restart(long subscriberId, String sequenceId, Instant at) {
        return jdbi.withExtension(EnrollmentDao.class, dao -> dao.restart(subscriberId, sequenceId, at)) == 1;
    }

    public List<Enrollment> of(long subscriberId) {
        return jdbi.withExtension(EnrollmentDao.class, dao -> dao.ofSubscriber(subscriberId));
    }

    public Optional<Enrollment> find(long subscriberId, String sequenceId) {
        return jdbi.withExtension(EnrollmentDao.class, dao -> dao.find(subscriberId, sequenceId));
    }
}
