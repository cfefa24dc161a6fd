package dev.tayori;

import dev.tayori.campaign.Campaigns;
import dev.tayori.config.Settings;
import dev.tayori.db.Database;
import dev.tayori.delivery.DeliveryHooks;
import dev.tayori.delivery.DueWork;
import dev.tayori.delivery.MailComposer;
import dev.tayori.delivery.Outbox;
import dev.tayori.delivery.SequencePlanner;
import dev.tayori.mail.SmtpConnection;
import dev.tayori.render.Templates;
import dev.tayori.sequence.Enrollments;
import dev.tayori.subscriber.Subscribers;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The one place where tayori's parts are built and wired together, by hand. */
public final class App {
    private final Settings settings;
    private final Clock clock;
    private final Jdbi jdbi;
    private final Templates templates;
    private final Campaigns campaigns;
    private final Subscribers subscribers;
    private final Enrollments enrollments;
    private final DueWork dueWork;

    private App(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.templates = new Templates(settings.templatesDir());
        this.campaigns = Campaigns.load(settings.campaignsDir(), templates);
        this.jdbi = Database.open(settings.databaseUrl()).jdbi();
        String domain = settings.sender().domain();
        this.subscribers = new Subscribers(jdbi, clock, settings.timezone(), new DeliveryHooks(campaigns, domain));
        this.enrollments = new Enrollments(jdbi);
        MailComposer composer = new MailComposer(jdbi, campaigns, templates, settings.sender(), settings.baseUrl());
        Outbox outbox = new Outbox(jdbi, composer, subscribers, () -> new SmtpConnection(settings.smtp()), clock,
                new Outbox.Policy(settings.batchSize(), settings.maxAttempts(), Duration.ofSeconds(settings.leaseSeconds())),
                ownerName());
        this.dueWork = new DueWork(campaigns, new SequencePlanner(jdbi, domain, settings.batchSize()), outbox);
    }

    /** Loads and checks the campaign files and templates, and opens (and migrates) the database. */
    public static App start(Settings settings, Clock clock) {
        return new App(settings, clock);
    }

    /** Identifies this process in delivery claims: which host and process holds a row. */
    private static String ownerName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
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

    public DueWork dueWork() {
        return dueWork;
    }
}
