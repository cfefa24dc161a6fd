package dev.tayori.cli;

import dev.tayori.config.Formats;
import dev.tayori.overview.CampaignOverview;

import dev.tayori.App;
import dev.tayori.delivery.Delivery;
import dev.tayori.erasure.Erasure;
import dev.tayori.erasure.SubjectAccess;
import dev.tayori.delivery.DeliveryDao;
import dev.tayori.delivery.MailComposer;
import dev.tayori.delivery.SendReport;
import dev.tayori.mail.EmailAddress;
import dev.tayori.sequence.Enrollment;
import dev.tayori.subscriber.ConsentRecord;
import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.SubscriberDao;
import dev.tayori.subscriber.SubscriberStatus;
import dev.tayori.subscriber.Subscribers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import dev.tayori.sequence.Enrollments;
import dev.tayori.subscriber.CsvInput;
import dev.tayori.subscriber.SubscriberExport;
import dev.tayori.subscriber.SubscriberImport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "subscribers",
        description = "Add, import, list, show, tag, export, unsubscribe and erase subscribers.")
final class SubscribersCommand {
    @ParentCommand
    TayoriCommand root;

    @Mixin
    HelpOption help;

    @Command(name = "add",
            description = {"Add a subscriber.",
                    "Without --confirmed: the address gets a confirmation mail (double opt-in) and receives nothing "
                            + "else until its link is used.",
                    "With --confirmed: you record consent obtained elsewhere (say how in --consent-source); the "
                            + "subscriber is confirmed and starts the workbook."})
    int add(@Mixin HelpOption help, @Parameters(paramLabel = "EMAIL", description = "The mail address.") String email,
            @Option(names = "--name", paramLabel = "NAME", description = "The subscriber's name (optional).") String name,
            @Option(names = "--confirmed", description = "Record the subscriber as already confirmed.") boolean confirmed,
            @Option(names = "--consent-source", paramLabel = "TEXT",
                    description = "How and where the subscriber agreed, e.g. \"paper form at the 2026-11 seminar\".") String source,
            @Option(names = "--confirmed-at", paramLabel = "INSTANT", converter = InstantConverter.class,
                    description = {"When they agreed, e.g. 2026-11-20T10:00+09:00.", "Default: now."}) Instant confirmedAt) {
        CliContext context = root.context;
        EmailAddress address = EmailAddress.parse(email);
        if (!confirmed && (source != null || confirmedAt != null)) {
            throw new IllegalArgumentException("--consent-source and --confirmed-at go with --confirmed");
        }
        if (confirmed && (source == null || source.isBlank())) {
            throw new IllegalArgumentException("--confirmed needs --consent-source TEXT: say how and where this "
                    + "person agreed to receive mail (特定電子メール法 asks you to keep that record)");
        }
        App app = context.app();
        Optional<Subscriber> known = app.jdbi().withExtension(SubscriberDao.class, dao -> dao.findByKey(address.key()));
        if (known.isPresent()) {
            context.err().println(address + " is already a subscriber (" + known.get().status().db()
                    + "); nothing was written");
            context.err().flush();
            return ExitCodes.FAILED;
        }
        Instant now = context.clock().instant();
        PrintWriter out = context.out();
        if (confirmed) {
            Subscriber s = app.subscribers().addConfirmed(address.address(), name,
                    ConsentRecord.of("recorded-by-operator", now, source, Origins.commandLine()),
                    confirmedAt != null ? confirmedAt : now);
            out.println("added " + s.email() + " as confirmed at " + Formats.local(s.confirmedAt(), zone(context))
                    + "; lesson 1 goes out with the next send-due");
            out.flush();
            return ExitCodes.OK;
        }
        Subscribers.SignUp signUp = app.subscribers().requestSubscription(address.address(), name,
                ConsentRecord.of("requested", now, "operator command line", Origins.commandLine()), Duration.ZERO);
        out.println("added " + signUp.subscriber().email() + " as pending");
        // sent at an instant taken after the request, so the confirmation just recorded is due; what
        // the outbox did with it is read from the report, not assumed
        SendReport report = app.dueWork().sendOnly(context.clock().instant());
        if (report.problem() != null || report.of(MailComposer.CONFIRMATION).sent == 0) {
            out.println("the confirmation mail is queued and will go out with the next send-due");
            if (report.problem() != null) {
                context.err().println("warning: " + report.problem());
            }
            context.err().flush();
        } else {
            out.println("sent the confirmation mail; its link works for "
                    + Subscribers.CONFIRMATION_VALIDITY.toDays() + " days");
        }
        out.flush();
        return ExitCodes.OK;
    }

    @Command(name = "duplicates",
            description = {"List subscribers whose addresses differ only in case (Jiro@Example.JP, jiro@example.jp).",
                    "Addresses are one reader whatever their case; rows recorded twice before that rule were kept "
                            + "apart by the upgrade, not merged: decide which one stays."})
    int duplicates(@Mixin HelpOption help) {
        PrintWriter out = root.context.out();
        var pairs = root.context.app().subscribers().duplicates();
        if (pairs.isEmpty()) {
            out.println("no two subscribers share an address");
        }
        pairs.forEach(p -> out.println(p.line()));
        out.flush();
        return ExitCodes.OK;
    }

    /** The WARN line `serve` and `send-due` print at start while a reader is recorded twice and may get mail twice. */
    static void warnAboutDuplicates(App app, PrintWriter err) {
        long live = app.subscribers().duplicates().stream().filter(p -> p.bothMayGetMail()).count();
        if (live > 0) {
            err.println("WARN: " + live + " reader(s) are recorded twice with addresses that differ only in case and"
                    + " may get every mail twice; see `tayori subscribers duplicates`");
            err.flush();
        }
    }

    @Command(name = "list", description = "List subscribers, oldest first.")
    int list(@Mixin HelpOption help, @Option(names = "--status", paramLabel = "STATUS",
            description = "Only pending, confirmed, unsubscribed or bounced.") String statusText) {
        SubscriberStatus status = status(statusText);
        CliContext context = root.context;
        PrintWriter out = context.out();
        out.printf("%-40s %-12s %-20s %s%n", "EMAIL", "STATUS", "CONFIRMED", "NAME");
        long after = 0;
        int shown = 0;
        while (true) {
            List<Subscriber> page = context.app().subscribers().page(after, 500);
            for (Subscriber s : page) {
                if (status == null || s.status() == status) {
                    out.printf("%-40s %-12s %-20s %s%n", s.email(), s.status().db(),
                            Formats.local(s.confirmedAt(), zone(context)), s.name());
                    shown++;
                }
            }
            if (page.size() < 500) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        out.println(shown + " subscriber(s)");
        out.flush();
        return ExitCodes.OK;
    }

    @Command(name = "show",
            description = "Show one subscriber: status, tags, consent records, sequences and every delivery.")
    int show(@Mixin HelpOption help, @Parameters(paramLabel = "EMAIL") String email) {
        CliContext context = root.context;
        App app = context.app();
        ZoneId zone = zone(context);
        Subscriber s = app.subscribers().byEmail(email);
        PrintWriter out = context.out();
        out.println(s.email() + (s.name().isEmpty() ? "" : " (" + s.name() + ")"));
        out.println("  status:       " + s.status().db());
        out.println("  time zone:    " + s.timeZone());
        List<String> tags = app.jdbi().withExtension(SubscriberDao.class, dao -> dao.tagsOf(s.id()));
        out.println("  tags:         " + (tags.isEmpty() ? "-" : String.join(", ", tags)));
        out.println("  created:      " + Formats.local(s.createdAt(), zone));
        out.println("  confirmed:    " + Formats.local(s.confirmedAt(), zone));
        if (s.unsubscribedAt() != null) {
            out.println("  unsubscribed: " + Formats.local(s.unsubscribedAt(), zone) + " via " + s.unsubscribeSource());
        }
        if (s.bouncedAt() != null) {
            out.println("  bounced:      " + Formats.local(s.bouncedAt(), zone) + ": " + s.bounceReason());
        }
        out.println("  consent:");
        for (ConsentRecord c : app.subscribers().consents(s.id())) {
            out.println("    " + Formats.local(c.at(), zone) + "  " + c.event() + "  source: " + c.source()
                    + "  from: " + c.origin() + (c.userAgent() == null ? "" : "  browser: " + c.userAgent())
                    + (c.formVersion() == null ? "" : "  form " + c.formVersion()));
            app.subscribers().consentWording(c.formVersion()).ifPresent(w -> out.println("      wording: " + w));
        }
        out.println("  sequences:");
        for (Enrollment e : app.enrollments().of(s.id())) {
            out.println("    " + e.sequenceId() + "  " + e.state() + "  next step " + e.nextStep()
                    + (e.nextDueAt() == null ? "" : " due " + Formats.local(e.nextDueAt(), zone)));
        }
        out.println("  deliveries:");
        for (Delivery d : app.jdbi().withExtension(DeliveryDao.class, dao -> dao.ofSubscriber(s.id()))) {
            out.println("    " + d.campaignId() + " " + d.itemKey() + "  " + d.state() + "  "
                    + Formats.local(d.sentAt() != null ? d.sentAt() : d.plannedAt(), zone)
                    + (d.lastError() == null ? "" : "  (" + d.lastError() + ")"));
        }
        out.println("  bounces and replies:");
        for (dev.tayori.inbound.InboundEvent e : app.bounces().of(s.id())) {
            out.println("    " + Formats.local(e.receivedAt(), zone) + "  " + e.kind().db()
                    + (e.statusCode().isEmpty() ? "" : "  " + e.statusCode())
                    + (e.campaignId() == null ? "" : "  " + e.campaignId()) + "  " + e.diagnostic()
                    + (e.messageId() == null ? "" : "  " + e.messageId()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    @Command(name = "erase",
            description = {"Erase a reader at their request: address, name, IP, browser, tokens, tags and sequences go "
                    + "from every table.",
                    "Their sent mail stays counted in the reports, without the address. The address is kept only as a "
                            + "keyed hash on the suppression list: importing it again, the API and add --confirmed "
                            + "refuse it; the reader's own new sign-up (form or blank mail) is new consent.",
                    "There is no undo: `subscribers export-data EMAIL` first if the reader asked for a copy."})
    int erase(@Mixin HelpOption help, @Parameters(paramLabel = "EMAIL") String email) {
        CliContext context = root.context;
        Erasure.Summary summary = new Erasure(context.app().jdbi(), context.clock()).erase(email, Erasure.Via.CLI);
        context.out().println("erased: " + summary.consentRecords() + " consent record(s) made anonymous, "
                + summary.tags() + " tag(s) and " + summary.enrollments() + " sequence(s) removed, "
                + summary.deliveriesKept() + " delivery(ies) kept as anonymous counts, " + summary.inboundEvents()
                + " bounce(s) or reply(ies) made anonymous; the address is on the suppression list (as a hash)");
        context.out().flush();
        return ExitCodes.OK;
    }

    @Command(name = "export-data",
            description = {"Print everything held about one reader as JSON (a subject access request): the subscriber, "
                    + "consent records with the wording they agreed to, tags, sequences, deliveries, bounces and replies."})
    int exportData(@Mixin HelpOption help, @Parameters(paramLabel = "EMAIL") String email) {
        CliContext context = root.context;
        context.out().println(new SubjectAccess(context.app()).json(email));
        context.out().flush();
        return ExitCodes.OK;
    }

    @Command(name = "unbounce",
            description = {"Undo a bounce you know was wrong (a relay's outage, a forged report): the reader gets mail again.",
                    "The reason is recorded with the reader's bounces. Sequences the bounce stopped stay stopped; "
                            + "restart-workbook gives the workbook again."})
    int unbounce(@Mixin HelpOption help, @Parameters(paramLabel = "EMAIL") String email,
            @Option(names = "--reason", paramLabel = "TEXT", required = true,
                    description = "Why the bounce was wrong; kept in the record.") String reason) {
        if (reason.isBlank() || reason.length() > 500 || reason.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("--reason must be one line of 1 to 500 characters");
        }
        Subscriber s = root.context.app().bounces().unbounce(email, reason.strip());
        root.context.out().println(s.email() + " is " + s.status().db() + " again; the reason is recorded");
        root.context.out().flush();
        return ExitCodes.OK;
    }

    @Command(name = "unsubscribe",
            description = "Unsubscribe an address at once: no more mail of any kind. Safe to repeat.")
    int unsubscribe(@Mixin HelpOption help, @Parameters(paramLabel = "EMAIL") String email) {
        CliContext context = root.context;
        Subscriber s = context.app().subscribers().byEmail(email);
        Subscriber after = context.app().subscribers().unsubscribe(s, "operator command line");
        context.out().println(after.email() + " is " + after.status().db() + "; no more mail will be sent to it");
        context.out().flush();
        return ExitCodes.OK;
    }

    @Command(name = "tag",
            description = {"Give a subscriber a tag. Safe to repeat.",
                    "Announcements can go to those with a tag (segment tag:NAME)."})
    int tag(@Mixin HelpOption help, @Parameters(index = "0", paramLabel = "EMAIL") String email,
            @Parameters(index = "1", paramLabel = "NAME") String tag) {
        CliContext context = root.context;
        if (!tag.matches("[\\p{L}\\p{N}_.-]{1,50}")) {
            throw new IllegalArgumentException("a tag may only hold letters, digits, _ . - (up to 50): '"
                    + dev.tayori.subscriber.Visible.of(tag) + "'");
        }
        Subscriber s = context.app().subscribers().byEmail(email);
        context.app().jdbi().useExtension(SubscriberDao.class, dao -> dao.tag(s.id(), tag));
        context.out().println(s.email() + " has the tag " + tag);
        context.out().flush();
        return ExitCodes.OK;
    }

    @Command(name = "import",
            description = {"Import confirmed subscribers from a CSV file, all or nothing.",
                    "The first row names the columns: email and name, and if you have them timezone (e.g. Asia/Tokyo), "
                            + "tags (separated by ;) and confirmed_at (e.g. 2026-10-01T09:00+09:00 or 2026/10/01 9:00).",
                    "UTF-8 (Excel's CSV UTF-8) or Shift_JIS (Excel's CSV) is recognised; --encoding names it. A file "
                            + "that cannot be read whole (a broken quote, an unreadable byte) is refused before "
                            + "anything is written.",
                    "Say where their consent came from with --consent-source. Addresses already known are skipped; "
                            + "bad rows are reported by line number and skipped. Imported subscribers do not start the "
                            + "workbook unless you add --start-workbook."})
    int importCsv(@Mixin HelpOption help, @Parameters(paramLabel = "FILE.csv") Path file,
            @Option(names = "--consent-source", paramLabel = "TEXT", required = true,
                    description = "How these people agreed to receive mail, e.g. \"sign-up sheets, seminar 2026-10\".") String source,
            @Option(names = "--encoding", paramLabel = "NAME",
                    description = "UTF-8, Shift_JIS (also SJIS, MS932, windows-31j) or EUC-JP. Default: recognised.") String encoding,
            @Option(names = "--start-workbook", description = "Enroll each imported subscriber in the workbook.") boolean workbook)
            throws IOException {
        CliContext context = root.context;
        App app = context.app();
        SubscriberImport importer = new SubscriberImport(app.jdbi(), app.settings().timezone(), context.clock().instant());
        SubscriberImport.Plan plan = importer.plan(file, CsvInput.encoding(encoding), source);
        SubscriberImport.Enroll enroll = !workbook ? null : app.campaigns().welcomeSequence()
                .<SubscriberImport.Enroll>map(seq -> (h, id, at) -> Enrollments.enroll(h, id, seq.id(), at)).orElse(null);
        SubscriberImport.Result result;
        try (Progress progress = new Progress("import", "rows", plan.rows(), context.err(), "imported %d rows so far")) {
            result = importer.run(plan, enroll, progress);
        }
        String fileName = plan.file().toString();
        result.repeats().forEach(p -> context.err().println(p.english(fileName)));
        result.problems().forEach(p -> context.err().println(p.english(fileName)));
        context.out().println("imported " + result.imported() + ", skipped " + result.known() + " already known and "
                + result.repeats().size() + " repeated in the file, " + result.problems().size() + " bad row(s)"
                + " (read as " + CsvInput.label(plan.input().charset()) + ")");
        context.out().flush();
        context.err().flush();
        return ExitCodes.OK;
    }

    @Command(name = "export",
            description = {"Write every subscriber, with tags and consent records, as CSV.",
                    "To standard output, or to FILE with --output FILE. A cell that a spreadsheet would run as a "
                            + "formula (starting with = + - @) is written with a ' before it; the import takes it off."})
    int export(@Mixin HelpOption help, @Option(names = "--status", paramLabel = "STATUS",
                    description = "Only pending, confirmed, unsubscribed or bounced.") String statusText,
            @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead.") Path output,
            @Option(names = "--encoding", paramLabel = "NAME",
                    description = {"UTF-8-BOM (the default: Excel opens it with Japanese intact) or UTF-8 (no byte order "
                            + "mark, for scripts)."}) String encoding)
            throws IOException {
        SubscriberStatus status = status(statusText); // before anything is written
        boolean bom = SubscriberExport.byteOrderMark(encoding);
        CliContext context = root.context;
        SubscriberExport export = new SubscriberExport(context.app().jdbi(), context.app().subscribers());
        if (output == null) {
            export.to(context.out(), status, bom);
            context.out().flush();
        } else {
            int count = export.toFile(output, status, bom);
            context.err().println("wrote " + count + " subscriber(s) to " + output);
            context.err().flush();
        }
        return ExitCodes.OK;
    }

    @Command(name = "restart-workbook",
            description = {"Give a subscriber the workbook again from lesson 1.",
                    "Lesson 1 goes out at the next send-due, the rest one a day. A reader who signs up again does not "
                            + "get the workbook twice unless you do this."})
    int restartWorkbook(@Mixin HelpOption help, @Parameters(paramLabel = "EMAIL") String email) {
        CliContext context = root.context;
        App app = context.app();
        Subscriber s = app.subscribers().byEmail(email);
        if (!s.mayReceiveCampaignMail()) {
            throw new IllegalArgumentException(s.email() + " is " + s.status().db() + "; only a confirmed subscriber can get the workbook");
        }
        String sequence = app.campaigns().welcomeSequence().orElseThrow(
                () -> new IllegalArgumentException("there is no sequence campaign in campaigns/")).id();
        Instant now = context.clock().instant();
        boolean restarted = app.enrollments().restart(s.id(), sequence, now);
        if (!restarted) {
            app.jdbi().useHandle(h -> Enrollments.enroll(h, s.id(), sequence, now));
        }
        context.out().println(s.email() + " starts " + sequence + " again from lesson 1 with the next send-due");
        context.out().flush();
        return ExitCodes.OK;
    }

    /** The --status filter, or null for none; an unknown one is refused with the valid ones. */
    private static SubscriberStatus status(String text) {
        if (text == null) {
            return null;
        }
        for (SubscriberStatus status : SubscriberStatus.values()) {
            if (status.db().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return status;
            }
        }
        throw new IllegalArgumentException("--status '" + text + "' is not a status; use one of: "
                + Arrays.stream(SubscriberStatus.values()).map(SubscriberStatus::db).collect(Collectors.joining(", ")));
    }

    private static ZoneId zone(CliContext context) {
        return context.settings().timezone();
    }
}
