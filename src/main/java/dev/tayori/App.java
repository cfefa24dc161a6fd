package dev.tayori;

import dev.tayori.announcement.AnnouncementMail;
import dev.tayori.announcement.AnnouncementPlanner;
import dev.tayori.announcement.Announcements;
import dev.tayori.authoring.AddedSteps;
import dev.tayori.authoring.Authoring;
import dev.tayori.authoring.LiveMail;
import dev.tayori.authoring.StoredAnnouncements;
import dev.tayori.campaign.CampaignControl;
import dev.tayori.campaign.CampaignStateDao;
import dev.tayori.campaign.Campaigns;
import dev.tayori.content.ArticleFeed;
import dev.tayori.content.ArticleFiles;
import dev.tayori.content.ArticleSource;
import dev.tayori.health.FeedFailures;
import dev.tayori.health.SmtpOutage;
import dev.tayori.health.Readiness;
import dev.tayori.health.Warnings;
import dev.tayori.node.Nodes;
import dev.tayori.reload.ContentFingerprint;
import dev.tayori.newsletter.IssueMail;
import dev.tayori.newsletter.IssuePlanner;
import dev.tayori.config.Settings;
import dev.tayori.db.Database;
import dev.tayori.delivery.DeliveryHooks;
import dev.tayori.delivery.DueWork;
import dev.tayori.delivery.MailComposer;
import dev.tayori.delivery.Outbox;
import dev.tayori.delivery.SendThrottle;
import dev.tayori.limits.SendLimits;
import dev.tayori.config.RateSpec;
import dev.tayori.delivery.SequencePlanner;
import dev.tayori.config.DkimSettings;
import dev.tayori.dkim.DkimSigner;
import dev.tayori.mail.MessageBuilder;
import dev.tayori.mail.MessageSigner;
import dev.tayori.bounce.Classifier;
import dev.tayori.inbound.Bounces;
import dev.tayori.inbound.Inbox;
import dev.tayori.inbound.SignUps;
import dev.tayori.mail.SmtpConnection;
import dev.tayori.mail.Verp;
import dev.tayori.reload.FileReloader;
import dev.tayori.reload.FolderFingerprint;
import dev.tayori.render.Templates;
import dev.tayori.report.Reports;
import dev.tayori.subscriber.UnsubscribeLinks;
import dev.tayori.sequence.Enrollments;
import dev.tayori.subscriber.Subscribers;
import dev.tayori.tracking.Clicks;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;

/** The one place where tayori's parts are built and wired together, by hand. */
public final class App implements AutoCloseable {
    private final Settings settings;
    private final Clock clock;
    private final dev.tayori.db.Database database;
    private final Jdbi jdbi;
    private final Templates templates;
    private final Campaigns campaigns;
    private final Subscribers subscribers;
    private final Enrollments enrollments;
    private final DueWork dueWork;
    private final Announcements announcements;
    private final CampaignControl control;
    private final MailComposer composer;
    private final IssuePlanner issuePlanner;
    private final Authoring authoring;
    private final FileReloader reloader;
    private final AddedSteps addedSteps;
    private final MessageSigner signer;
    private final Bounces bounces;
    private final Inbox inbox;
    private final Clicks clicks;
    private final FeedFailures feedFailures;
    private final Nodes nodes;
    private final Readiness readiness;
    private final UnsubscribeLinks unsubscribeLinks;
    private final Verp verp;
    private final Reports reports;
    private final SendLimits sendLimits;

    private App(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        FolderFingerprint loadedFrom = FileReloader.fingerprint(settings.campaignsDir(), settings.templatesDir());
        ContentFingerprint content = ContentFingerprint.of(settings.campaignsDir(), settings.templatesDir());
        this.templates = new Templates(settings.templatesDir());
        Campaigns files = Campaigns.load(settings.campaignsDir(), templates);
        this.database = Database.open(settings.database());
        this.jdbi = database.jdbi();
        this.feedFailures = new FeedFailures(jdbi, clock);
        StoredAnnouncements stored = new StoredAnnouncements(jdbi);
        this.addedSteps = new AddedSteps(jdbi, clock);
        this.campaigns = files.with(stored).withAddedSteps(addedSteps::extend);
        this.reloader = new FileReloader(settings.campaignsDir(), settings.templatesDir(), campaigns, templates, loadedFrom,
                content);
        this.nodes = new Nodes(jdbi, clock, settings.nodeName(), reloader::live);
        this.readiness = new Readiness(jdbi, database.dialect(), campaigns);
        this.authoring = new Authoring(jdbi, campaigns, templates, settings.sender(), settings.baseUrl(), clock, stored);
        LiveMail live = authoring.liveMail();
        String domain = settings.sender().domain();
        // the consent wording the form shows today, kept under its version for the consent record
        dev.tayori.subscriber.ConsentWording.remember(jdbi, settings.sender().name(), clock.instant());
        this.subscribers = new Subscribers(jdbi, clock, settings.timezone(), new DeliveryHooks(campaigns, domain));
        this.enrollments = new Enrollments(jdbi);
        this.clicks = new Clicks(jdbi, clock, settings.tracking(), settings.baseUrl());
        this.unsubscribeLinks = new UnsubscribeLinks(jdbi, clock);
        this.verp = Verp.of(jdbi, clock);
        this.reports = new Reports(jdbi, campaigns, settings.tracking().clicks(), settings.timezone());
        MailComposer composer = new MailComposer(jdbi, campaigns, templates, live, settings.sender(), settings.baseUrl(),
                List.of(new IssueMail(jdbi, templates, live), new AnnouncementMail(templates, live)), clicks, unsubscribeLinks);
        // the limits count in the database, for every process on it and across restarts
        this.sendLimits = new SendLimits(settings.smtp().ratePerSecond(), RateSpec.parse(settings.smtp().window()),
                RateSpec.parseDomains(settings.smtp().domainLimits()), jdbi,
                settings.nodeName() + "/" + java.util.UUID.randomUUID().toString().substring(0, 8), Clock.systemUTC());
        SendThrottle throttle = new SendThrottle(sendLimits, Clock.systemUTC());
        this.signer = signer(settings.dkim(), clock);
        Outbox outbox = new Outbox(jdbi, composer, subscribers, () -> new SmtpConnection(settings.smtp()),
                this::messageBuilder, throttle,
                clock.withZone(settings.timezone()), // the mails' Date header is in the sender's time zone
                new Outbox.Policy(settings.batchSize(), settings.maxAttempts(), Duration.ofSeconds(settings.leaseSeconds()),
                        settings.smtp().connections()), settings.nodeName(), new SmtpOutage(jdbi, settings.smtp()));
        Predicate<String> paused = id -> jdbi.withExtension(CampaignStateDao.class, dao -> dao.paused(id));
        // Issues and announcements are planned with one INSERT ... SELECT per range of subscribers, which
        // holds nothing in memory: ranges ten batches wide mean ten times fewer commits.
        int planningRange = settings.batchSize() * 10;
        this.issuePlanner = new IssuePlanner(jdbi, campaigns, this::articles, paused, domain, planningRange);
        this.dueWork = new DueWork(List.of(
                new SequencePlanner(jdbi, campaigns, paused, domain, settings.batchSize()),
                issuePlanner,
                new AnnouncementPlanner(jdbi, campaigns, paused, settings.timezone(), domain, planningRange)),
                outbox, jdbi, nodes::ranDueWork);
        this.announcements = new Announcements(jdbi, campaigns, clock);
        this.control = new CampaignControl(jdbi, campaigns, clock);
        this.composer = composer;
        this.bounces = new Bounces(jdbi, subscribers, clock, settings.inbound().softLimit());
        this.inbox = inbox(settings, clock);
    }

    /**
     * The inbound mailbox; a VERP bounce names its delivery by the envelope sender's checked token
     * (mail/Verp).
     */
    private Inbox inbox(Settings settings, Clock clock) {
        var in = settings.inbound();
        java.util.Set<String> ours = new java.util.HashSet<>();
        for (String a : List.of(settings.sender().email(), settings.sender().contact(), in.subscribeAddress(),
                in.unsubscribeAddress(), in.username())) {
            if (a != null && a.contains("@")) {
                ours.add(a.toLowerCase(java.util.Locale.ROOT));
            }
        }
        Classifier classifier = new Classifier(in.subscribeAddress(), in.unsubscribeAddress(), ours, verp::deliveryId);
        return new Inbox(in, jdbi, classifier, bounces, new SignUps(subscribers, clock, ours), subscribers,
                settings.returns().verp(), clock);
    }

    /** DKIM signatures when a key is configured (RSA, and Ed25519 as a second one), else none. */
    private static MessageSigner signer(DkimSettings dkim, Clock clock) {
        if (!dkim.enabled()) {
            return MessageSigner.NONE;
        }
        List<DkimSigner.Key> keys = new java.util.ArrayList<>();
        keys.add(new DkimSigner.Key(dkim.domain(), dkim.selector(), dkim.rsa()));
        if (dkim.ed25519() != null) {
            keys.add(new DkimSigner.Key(dkim.domain(), dkim.ed25519Selector(), dkim.ed25519()));
        }
        return new DkimSigner(keys, clock);
    }

    /**
     * Writes mail as every sender of this app does: Date in the sender's time zone, DKIM-signed when
     * configured, the envelope sender and Reply-To of README "Deliverability". One per sending thread
     * (its small caches are per mailing).
     */
    public MessageBuilder messageBuilder() {
        return new MessageBuilder(clock.withZone(settings.timezone()), settings.returns(), signer, verp);
    }

    /** Loads and checks the campaign files and templates, and opens (and migrates) the database. */
    public static App start(Settings settings, Clock clock) {
        return new App(settings, clock);
    }

    /**
     * The blog's articles: the feed when one is set (each read's failure or success kept for the
     * dashboard), else the Markdown folder. Read when an issue is built or previewed.
     */
    public ArticleSource articles() {
        return settings.articlesFeed().isBlank() ? new ArticleFiles(settings.articlesDir())
                : feedFailures.watched(settings.articlesFeed(), new ArticleFeed(settings.articlesFeed()));
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    /** The database behind {@link #jdbi()}: its dialect and pool, for Quartz's clustered job store. */
    public dev.tayori.db.Database database() {
        return database;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Templates templates() {
        return templates;
    }

    public Campaigns campaigns() {
        return campaigns;
    }

    public Subscribers subscribers() {
        return subscribers;
    }

    public Enrollments enrollments() {
        return enrollments;
    }

    public CampaignControl control() {
        return control;
    }

    public IssuePlanner issuePlanner() {
        return issuePlanner;
    }

    public MailComposer composer() {
        return composer;
    }

    public Announcements announcements() {
        return announcements;
    }

    /** Mail written in the browser: drafts, revisions, previews, browser-made announcements. */
    public Authoring authoring() {
        return authoring;
    }

    /**
     * Picks up edited campaign files and templates: {@code serve} checks every minute; one-shot
     * commands use the files as they were when they started.
     */
    public FileReloader reloader() {
        return reloader;
    }

    /** Lessons added to a sequence in the browser, and whom an added lesson reaches. */
    public AddedSteps addedSteps() {
        return addedSteps;
    }

    /** Bounces, complaints and auto-replies: recorded, acted on, listed per reader and campaign. */
    public Bounces bounces() {
        return bounces;
    }

    /** The inbound mailbox (inbound.*): one poll per call of check(). */
    public Inbox inbox() {
        return inbox;
    }

    /** What the dashboard warns about now. */
    public Warnings warnings() {
        return new Warnings(jdbi, clock, settings.timezone(), settings.articlesFeed(), nodes, sendLimits);
    }

    /** The sending limits as every process on the database shares them. */
    public SendLimits sendLimits() {
        return sendLimits;
    }

    public Clicks clicks() {
        return clicks;
    }

    /** Each mail's unsubscribe link, which names the mail, so its report counts the unsubscribe. */
    /** The signed envelope senders of bounce.verp: the tokens mail leaves with and reports come back to. */
    public Verp verp() {
        return verp;
    }

    public UnsubscribeLinks unsubscribeLinks() {
        return unsubscribeLinks;
    }

    /** The report of each mailing: an issue, an announcement, a lesson. */
    public Reports reports() {
        return reports;
    }

    public DueWork dueWork() {
        return dueWork;
    }

    /** The processes sending from this database, this one among them once serve or send-due registers it. */
    public Nodes nodes() {
        return nodes;
    }

    /** Whether this node can take readers now (GET /readyz). */
    public Readiness readiness() {
        return readiness;
    }

    /** Closes the database pool; what this app started elsewhere (a web server, a scheduler) is closed by its owner. */
    @Override
    public void close() {
        database.close();
    }
}
