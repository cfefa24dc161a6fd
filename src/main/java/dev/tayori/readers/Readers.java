package dev.tayori.readers;

import dev.tayori.campaign.Campaigns;
import dev.tayori.campaign.Sequence;
import dev.tayori.sequence.Enrollments;
import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.SubscriberDao;
import dev.tayori.subscriber.SubscriberStatus;
import dev.tayori.subscriber.Subscribers;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The operator's readers: search and filters over the whole list, tags, the workbook again, and
 * the bulk tag or unsubscribe of a filtered set. Changes of state go through {@link Subscribers}.
 */
public final class Readers {
    public static final int PAGE_SIZE = 50;
    private static final String TAG = "[\\p{L}\\p{N}_.-]{1,50}";

    private final Jdbi jdbi;
    private final Subscribers subscribers;
    private final Enrollments enrollments;
    private final Supplier<Campaigns> campaigns;
    private final Clock clock;

    public Readers(Jdbi jdbi, Subscribers subscribers, Enrollments enrollments, Supplier<Campaigns> campaigns, Clock clock) {
        this.jdbi = jdbi;
        this.subscribers = subscribers;
        this.enrollments = enrollments;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** One page (from 0) of the readers the filter matches, and how many match in all. */
    public record Page(List<Subscriber> rows, int total, int number) {
        public boolean hasNext() {
            return (long) (number + 1) * PAGE_SIZE < total;
        }
    }

    public Page find(ReaderFilter filter, int number) {
        int page = Math.max(0, number);
        List<Subscriber> rows = after(filter, 0, PAGE_SIZE, (long) page * PAGE_SIZE);
        return new Page(rows, matching(filter).size(), page);
    }

    /** Keyset paging for the export: the matching readers after {@code afterId}, in id order. */
    public List<Subscriber> after(ReaderFilter filter, long afterId, int limit) {
        return after(filter, afterId, limit, 0);
    }

    private List<Subscriber> after(ReaderFilter f, long afterId, int limit, long offset) {
        return jdbi.withExtension(ReadersDao.class, dao -> dao.page(f.pattern(), status(f), f.tag(), place(f), f.lesson(),
                workbookId(), afterId, limit, offset));
    }

    public List<Long> matching(ReaderFilter f) {
        return jdbi.withExtension(ReadersDao.class, dao -> dao.ids(f.pattern(), status(f), f.tag(), place(f), f.lesson(),
                workbookId()));
    }

    public List<String> tagsOf(long subscriberId) {
        return jdbi.withExtension(SubscriberDao.class, dao -> dao.tagsOf(subscriberId));
    }

    public List<String> allTags() {
        return jdbi.withExtension(ReadersDao.class, ReadersDao::allTags);
    }

    public void tag(long subscriberId, String tag) {
        String checked = checkTag(tag);
        jdbi.useExtension(SubscriberDao.class, dao -> dao.tag(subscriberId, checked));
    }

    public void untag(long subscriberId, String tag) {
        String checked = checkTag(tag);
        jdbi.useExtension(ReadersDao.class, dao -> dao.untag(subscriberId, checked));
    }

    /** Gives a confirmed reader the workbook again from lesson 1, as {@code subscribers restart-workbook} does. */
    public void restartWorkbook(Subscriber s) {
        if (!s.mayReceiveCampaignMail()) {
            throw new ReaderRefused(ReaderRefused.Problem.NOT_CONFIRMED, s.email() + " is " + s.status().db());
        }
        String sequence = workbook().id();
        Instant now = clock.instant();
        if (!enrollments.restart(s.id(), sequence, now)) {
            jdbi.useHandle(h -> Enrollments.enroll(h, s.id(), sequence, now));
        }
    }

    /** How many a bulk tag would reach: everyone the filter matches. */
    public int countForTag(ReaderFilter f) {
        return matching(f).size();
    }

    /** How many a bulk unsubscribe would stop: those matched who still get mail or may confirm. */
    public int countForUnsubscribe(ReaderFilter f) {
        return stillSubscribed(f).size();
    }

    public int tagAll(ReaderFilter f, String tag) {
        String checked = checkTag(tag);
        List<Long> ids = matching(f);
        jdbi.useTransaction(h -> {
            SubscriberDao dao = h.attach(SubscriberDao.class);
            ids.forEach(id -> dao.tag(id, checked));
        });
        return ids.size();
    }

    /** Unsubscribes each matching reader through {@link Subscribers#unsubscribe}, so each gets its consent record. */
    public int unsubscribeAll(ReaderFilter f, String source) {
        List<Long> ids = stillSubscribed(f);
        ids.forEach(id -> subscribers.unsubscribe(subscribers.byId(id).orElseThrow(), source));
        return ids.size();
    }

    /** The matching readers an unsubscribe would change: pending or confirmed, never one already stopped. */
    private List<Long> stillSubscribed(ReaderFilter f) {
        List<Long> ids = new ArrayList<>();
        for (SubscriberStatus status : new SubscriberStatus[] {SubscriberStatus.PENDING, SubscriberStatus.CONFIRMED}) {
            if (f.status() == null || f.status() == status) {
                ids.addAll(matching(new ReaderFilter(f.text(), status, f.tag(), f.place(), f.lesson())));
            }
        }
        return ids;
    }

    private Sequence workbook() {
        return campaigns.get().welcomeSequence().orElseThrow(
                () -> new ReaderRefused(ReaderRefused.Problem.NO_WORKBOOK, "there is no sequence campaign"));
    }

    private String workbookId() {
        return campaigns.get().welcomeSequence().map(Sequence::id).orElse("");
    }

    private static String checkTag(String tag) {
        String t = tag == null ? "" : tag.strip();
        if (!t.matches(TAG)) {
            throw new ReaderRefused(ReaderRefused.Problem.BAD_TAG, "a tag may only hold letters, digits, _ . - (up to 50)");
        }
        return t;
    }

    private static String status(ReaderFilter f) {
        return f.status() == null ? null : f.status().db();
    }

    private static String place(ReaderFilter f) {
        return f.place() == null ? null : f.place().sql;
    }
}
