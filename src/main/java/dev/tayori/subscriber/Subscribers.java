package dev.tayori.subscriber;

import dev.tayori.erasure.SuppressionList;
import dev.tayori.mail.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Sign-up, confirmation and unsubscribe: every change to a subscriber goes through here. */
public final class Subscribers {
    public static final Duration CONFIRMATION_VALIDITY = Duration.ofDays(7);
    static final int NAME_LIMIT = 100;

    private final Jdbi jdbi;
    private final Clock clock;
    private final ZoneId defaultZone;
    private final SubscriberEvents events;

    public Subscribers(Jdbi jdbi, Clock clock, ZoneId defaultZone, SubscriberEvents events) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.defaultZone = defaultZone;
        this.events = events;
    }

    /** The outcome of a sign-up request: the subscriber, and the confirmation mailed, if one was. */
    public record SignUp(Subscriber subscriber, boolean created, Optional<Confirmation> confirmation) {
    }

    /**
     * Records a pending subscriber (or a returning one) with its consent and a confirmation request.
     * A confirmed address is left as it is; {@code created} tells a new row from a known one.
     */
    public SignUp requestSubscription(String email, String name, ConsentRecord consent, Duration resendAfter) {
        EmailAddress address = EmailAddress.parse(email);
        String cleanName = cleanName(name);
        refuseBadSource(consent);
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            SubscriberDao dao = h.attach(SubscriberDao.class);
            Optional<Subscriber> known = dao.findByKey(address.key());
            boolean created = known.isEmpty();
            Subscriber subscriber;
            if (known.isPresent()) {
                subscriber = known.get();
                if (subscriber.status() == SubscriberStatus.CONFIRMED) {
                    return new SignUp(subscriber, false, Optional.empty());
                }
                if (subscriber.status() == SubscriberStatus.PENDING) {
                    Optional<Confirmation> last = h.attach(ConfirmationDao.class).latestFor(subscriber.id());
                    if (last.isPresent() && last.get().createdAt().plus(resendAfter).isAfter(now)) {
                        return new SignUp(subscriber, false, Optional.empty());
                    }
                }
                dao.makePending(subscriber.id(), cleanName);
                subscriber = dao.findById(subscriber.id()).orElseThrow();
            } else {
                long id = dao.insert(address.address(), address.key(), cleanName, SubscriberStatus.PENDING.db(),
                        defaultZone.getId(), Tokens.newToken(), now);
                subscriber = dao.findById(id).orElseThrow();
            }
            record(h, subscriber.id(), consent.withEvent("requested", now));
            Confirmation confirmation = newConfirmation(h, subscriber.id(), now);
            events.confirmationRequested(h, subscriber, confirmation);
            return new SignUp(subscriber, created, Optional.of(confirmation));
        });
    }

    /**
     * The operator records consent obtained elsewhere (a paper form, another list): the subscriber is
     * confirmed at {@code confirmedAt} and enrolled as if they had clicked the link then.
     */
    public Subscriber addConfirmed(String email, String name, ConsentRecord consent, Instant confirmedAt) {
        EmailAddress address = EmailAddress.parse(email);
        String cleanName = cleanName(name);
        if (consent.source() == null || consent.source().isBlank()) {
            throw new SubscriberException(SubscriberException.Kind.INVALID,
                    "a confirmed subscriber needs a consent source: say how and where they agreed to receive mail");
        }
        refuseBadSource(consent);
        return jdbi.inTransaction(h -> {
            SubscriberDao dao = h.attach(SubscriberDao.class);
            Optional<Subscriber> known = dao.findByKey(address.key());
            if (known.isPresent()) {
                throw new SubscriberException(SubscriberException.Kind.ALREADY_EXISTS,
                        address + " is already a subscriber (" + known.get().status().db() + "); nothing was written");
            }
            refuseSuppressed(h, address);
            long id = dao.insert(address.address(), address.key(), cleanName, SubscriberStatus.PENDING.db(),
                    defaultZone.getId(), Tokens.newToken(), clock.instant());
            record(h, id, consent.withEvent("recorded-by-operator", confirmedAt));
            return confirmInside(h, dao.findById(id).orElseThrow(), confirmedAt);
        });
    }

    /** The outcome of pressing a confirmation link. */
    public enum ConfirmOutcome { CONFIRMED, ALREADY_CONFIRMED, EXPIRED, UNKNOWN }

    public record ConfirmResult(ConfirmOutcome outcome, Optional<Subscriber> subscriber) {
    }

    public ConfirmResult confirm(String token, ConsentRecord consent) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Optional<Confirmation> found = h.attach(ConfirmationDao.class).findByToken(token);
            if (found.isEmpty()) {
                return new ConfirmResult(ConfirmOutcome.UNKNOWN, Optional.empty());
            }
            Confirmation confirmation = found.get();
            Subscriber subscriber = h.attach(SubscriberDao.class).findById(confirmation.subscriberId()).orElseThrow();
            if (confirmation.usedAt() != null || subscriber.status() == SubscriberStatus.CONFIRMED) {
                return new ConfirmResult(ConfirmOutcome.ALREADY_CONFIRMED, Optional.of(subscriber));
            }
            if (!now.isBefore(confirmation.expiresAt()) || subscriber.status() != SubscriberStatus.PENDING) {
                return new ConfirmResult(ConfirmOutcome.EXPIRED, Optional.of(subscriber));
            }
            h.attach(ConfirmationDao.class).markUsed(confirmation.id(), now);
            // a new double opt-in is new consent: an address erased before may be mailed again
            SuppressionList.lift(h, EmailAddress.parse(subscriber.email()));
            record(h, subscriber.id(), consent.withEvent("confirmed", now));
            return new ConfirmResult(ConfirmOutcome.CONFIRMED, Optional.of(confirmInside(h, subscriber, now)));
        });
    }

    /** Unsubscribes at once; repeating it is harmless and keeps the first instant. */
    public Subscriber unsubscribe(Subscriber subscriber, String source) {
        return withdraw(subscriber, source).subscriber();
    }

    /**
     * What an unsubscribe did: the reader afterwards, and whether it was this call that ended their
     * mail (false when it had ended before: a repeated one-click POST, an old mail's link pressed again).
     * The per-mail report counts only the unsubscribe that ended it.
     */
    public record Withdrawal(Subscriber subscriber, boolean ended) {
    }

    /** {@link #unsubscribe}, saying whether this call was the one that ended the reader's mail. */
    public Withdrawal withdraw(Subscriber subscriber, String source) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            SubscriberDao dao = h.attach(SubscriberDao.class);
            if (dao.unsubscribe(subscriber.id(), now, source) == 1) {
                record(h, subscriber.id(), ConsentRecord.of("withdrawn", now, source, "unsubscribe"));
                Subscriber updated = dao.findById(subscriber.id()).orElseThrow();
                events.unsubscribed(h, updated, now);
                return new Withdrawal(updated, true);
            }
            return new Withdrawal(dao.findById(subscriber.id()).orElseThrow(), false);
        });
    }

    /**
     * Stops one kind of campaign (e.g. the newsletter) but keeps the others; safe to repeat. True when
     * this call stopped it, false when it had been stopped before.
     */
    public boolean optOut(Subscriber subscriber, String campaignKind, String source) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            if (h.attach(SubscriberDao.class).optOut(subscriber.id(), campaignKind, now, source) == 1) {
                record(h, subscriber.id(), ConsentRecord.of("withdrawn:" + campaignKind, now, source, "unsubscribe"));
                return true;
            }
            return false;
        });
    }

    public List<String> optOuts(long subscriberId) {
        return jdbi.withExtension(SubscriberDao.class, dao -> dao.optOutsOf(subscriberId));
    }

    /** Sends a new confirmation link to a pending subscriber whose link expired, at most every {@code resendAfter}. */
    public Optional<Confirmation> renewConfirmation(Subscriber subscriber, Duration resendAfter) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Subscriber current = h.attach(SubscriberDao.class).findById(subscriber.id()).orElseThrow();
            if (current.status() != SubscriberStatus.PENDING) {
                return Optional.empty();
            }
            Optional<Confirmation> last = h.attach(ConfirmationDao.class).latestFor(current.id());
            if (last.isPresent() && last.get().createdAt().plus(resendAfter).isAfter(now)) {
                return Optional.empty();
            }
            Confirmation confirmation = newConfirmation(h, current.id(), now);
            events.confirmationRequested(h, current, confirmation);
            return Optional.of(confirmation);
        });
    }

    public Optional<Confirmation> confirmationByToken(String token) {
        return jdbi.withExtension(ConfirmationDao.class, dao -> dao.findByToken(token));
    }

    /** A hard bounce: no more mail to this address. */
    public void markBounced(long subscriberId, String reason) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            SubscriberDao dao = h.attach(SubscriberDao.class);
            if (dao.bounce(subscriberId, now, reason) == 1) {
                events.unsubscribed(h, dao.findById(subscriberId).orElseThrow(), now);
            }
        });
    }

    /**
     * The operator's undo of a wrong bounce: the one way out of BOUNCED besides a new double opt-in,
     * because the reader did confirm and nothing they did ended it. Sequences stopped by the bounce
     * stay stopped (restart-workbook gives the workbook again). Refused for a reader who is not bounced.
     */
    public Subscriber unbounce(Subscriber subscriber) {
        return jdbi.inTransaction(h -> {
            SubscriberDao dao = h.attach(SubscriberDao.class);
            if (dao.unbounce(subscriber.id()) != 1) {
                throw new SubscriberException(SubscriberException.Kind.REFUSED, subscriber.email()
                        + " is not bounced (" + dao.findById(subscriber.id()).orElseThrow().status().db() + "); nothing was changed");
            }
            return dao.findById(subscriber.id()).orElseThrow();
        });
    }

    /**
     * The operator brings an unsubscribed reader back to confirmed (they asked again by phone or
     * letter), through the state machine's guard; who and why are kept as a consent record, so the
     * record shows consent given again and not only the withdrawal. Enrollments stay as they were.
     */
    public Subscriber reactivate(Subscriber subscriber, String reason, String who) {
        if (reason == null || reason.isBlank()) {
            throw new SubscriberException(SubscriberException.Kind.INVALID, "a re-activation needs a reason");
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            SubscriberDao dao = h.attach(SubscriberDao.class);
            Subscriber current = dao.findById(subscriber.id()).orElseThrow();
            current.status().refuseReactivation(current.confirmedAt() != null).ifPresent(why -> {
                throw new SubscriberException(SubscriberException.Kind.REFUSED, current.email() + " " + why);
            });
            dao.reactivate(current.id());
            record(h, current.id(), ConsentRecord.of("reactivated", now, reason.strip(), who));
            return dao.findById(current.id()).orElseThrow();
        });
    }

    public Subscriber byEmail(String email) {
        EmailAddress address = EmailAddress.parse(email);
        return jdbi.withExtension(SubscriberDao.class, dao -> dao.findByKey(address.key())).orElseThrow(
                () -> new SubscriberException(SubscriberException.Kind.NOT_FOUND, "no subscriber with the address " + address));
    }

    /** Rows the upgrade to case-insensitive addresses found to be one reader, kept apart (migration V008). */
    public List<AddressDuplicate> duplicates() {
        return jdbi.withExtension(AddressDuplicateDao.class, AddressDuplicateDao::list);
    }

    public Optional<Subscriber> byUnsubscribeToken(String token) {
        return jdbi.withExtension(SubscriberDao.class, dao -> dao.findByUnsubscribeToken(token));
    }

    public Optional<Subscriber> byId(long id) {
        return jdbi.withExtension(SubscriberDao.class, dao -> dao.findById(id));
    }

    public List<Subscriber> page(long afterId, int limit) {
        return jdbi.withExtension(SubscriberDao.class, dao -> dao.list(afterId, limit));
    }

    /** Confirmation mails started from {@code source} (a consent record's source) after {@code since}. */
    public int requestsSince(String source, Instant since) {
        return jdbi.withExtension(SubscriberDao.class, dao -> dao.requestsSince(source, since));
    }

    public List<ConsentRecord> consents(long subscriberId) {
        return jdbi.withExtension(SubscriberDao.class, dao -> dao.consentsOf(subscriberId));
    }

    /** The consent wording a form version showed, as kept at the time (none for imports and the operator's word). */
    public Optional<String> consentWording(String formVersion) {
        return ConsentWording.of(jdbi, formVersion);
    }

    private Subscriber confirmInside(Handle h, Subscriber subscriber, Instant at) {
        SubscriberDao dao = h.attach(SubscriberDao.class);
        subscriber.status().refuseMoveTo(SubscriberStatus.CONFIRMED).ifPresent(reason -> {
            throw new SubscriberException(SubscriberException.Kind.REFUSED, subscriber.email() + " " + reason);
        });
        dao.confirm(subscriber.id(), at);
        Subscriber confirmed = dao.findById(subscriber.id()).orElseThrow();
        events.confirmed(h, confirmed, at);
        return confirmed;
    }

    private Confirmation newConfirmation(Handle h, long subscriberId, Instant now) {
        ConfirmationDao dao = h.attach(ConfirmationDao.class);
        long id = dao.insert(subscriberId, Tokens.newToken(), now, now.plus(CONFIRMATION_VALIDITY));
        return dao.findById(id).orElseThrow();
    }

    private static void record(Handle h, long subscriberId, ConsentRecord consent) {
        h.attach(SubscriberDao.class).insertConsent(subscriberId, consent.event(), consent.at(), consent.source(),
                consent.origin(), consent.userAgent(), consent.formVersion());
    }

    /**
     * Refuses (SUPPRESSED) an address erased at its owner's request, for a way in that is the operator's
     * and not the reader's own sign-up: 「購読者を追加」 with a confirmation mail would mail someone who
     * asked to be forgotten, on the operator's word.
     */
    public void refuseSuppressed(String email) {
        EmailAddress address = EmailAddress.parse(email);
        jdbi.useHandle(h -> refuseSuppressed(h, address));
    }

    /** An erased address comes back only through its owner's own double opt-in, never the operator's word. */
    static void refuseSuppressed(Handle h, EmailAddress address) {
        if (SuppressionList.isSuppressed(h, address)) {
            throw suppressed(address, "; nothing was written");
        }
    }

    static SubscriberException suppressed(EmailAddress address, String after) {
        return new SubscriberException(SubscriberException.Kind.SUPPRESSED, address + " was erased at the reader's request"
                + " and is on the suppression list; only the reader's own sign-up (the form or a blank mail) brings it back"
                + after);
    }

    /** A source the operator typed (API, admin page) held to the import's rules; the form's own never fails them. */
    private static void refuseBadSource(ConsentRecord consent) {
        String problem = consent.source() == null ? null : ConsentRecord.sourceProblem(consent.source());
        if (problem != null) {
            throw new SubscriberException(SubscriberException.Kind.INVALID, "the consent source " + problem
                    + "; nothing was written");
        }
    }

    private static String cleanName(String name) {
        return ReaderName.check(name);
    }
}
