package dev.tayori.cli;

import dev.tayori.config.Formats;
import dev.tayori.overview.MailPreview;
import dev.tayori.overview.TestCopy;
import dev.tayori.overview.CampaignOverview;

import dev.tayori.App;
import dev.tayori.campaign.Announcement;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Campaigns;
import dev.tayori.campaign.Newsletter;
import dev.tayori.campaign.Sequence;
import dev.tayori.config.Settings;
import dev.tayori.render.Templates;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import dev.tayori.announcement.Schedule;
import dev.tayori.delivery.DeliveryDao;
import dev.tayori.mail.EmailAddress;
import dev.tayori.mail.SmtpFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "campaigns",
        description = {"Check, preview, schedule, pause and follow the campaigns in campaigns/.",
                "CAMPAIGN is the file name without .yaml: workbook, newsletter, ..."})
final class CampaignsCommand {
    @ParentCommand
    TayoriCommand root;

    private static final String CAMPAIGN = "The campaign: its file name without .yaml, e.g. newsletter.";

    @Mixin
    HelpOption help;

    @Command(name = "validate",
            description = {"Check every campaign file and template, and render each mail with sample data.",
                    "Each problem is printed as file:line: what is wrong. Exits 2 if there is any."})
    int validate(@Mixin HelpOption help) {
        CliContext context = root.context;
        Campaigns campaigns = load(context.settings());
        PrintWriter out = context.out();
        for (Campaign c : campaigns.all()) {
            out.println("ok  " + c.file() + "  " + c.kind() + " '" + c.name() + "'" + summary(c));
        }
        java.util.Optional<String> sender = context.settings().sender().missing();
        if (sender.isPresent()) {
            // the files are fine, but no mail built from them may leave without the sender's details
            context.err().println("settings: " + sender.get());
            context.err().flush();
            out.println(campaigns.all().size() + " campaign(s) fine; the settings are not (see above)");
            out.flush();
            return ExitCodes.BAD_INPUT;
        }
        out.println(campaigns.all().size() + " campaign(s), no problems found");
        out.flush();
        return ExitCodes.OK;
    }

    @Command(name = "preview",
            description = {"Print a mail of a campaign as a subscriber will read it.",
                    "Prints the plain-text part; --html FILE also writes the HTML part. For the newsletter: the issue "
                            + "that would go out next after --at, with its articles, or why none would."})
    int preview(@Mixin HelpOption help, @Parameters(paramLabel = "CAMPAIGN", description = "The campaign id, e.g. workbook.") String id,
            @Option(names = "--step", paramLabel = "N", defaultValue = "1",
                    description = "Which step of a sequence (default 1).") int stepNumber,
            @Option(names = "--at", paramLabel = "INSTANT", converter = InstantConverter.class,
                    description = "For the newsletter: preview the next issue after this instant (default now).") Instant at,
            @Option(names = "--html", paramLabel = "FILE", description = "Also write the HTML part to FILE.") Path html) {
        CliContext context = root.context;
        App app = context.app();
        Campaign campaign = app.campaigns().get(id);
        PrintWriter out = context.out();
        MailPreview.Preview preview;
        try {
            preview = MailPreview.render(app, campaign, stepNumber, at != null ? at : context.clock().instant(),
                    "読者", "reader@example.jp");
        } catch (MailPreview.NothingToSend e) {
            // the file's policy at work, not a mistake: say what would happen and succeed
            out.println("No mail to preview: " + e.getMessage() + ".");
            out.println("Try a later time with --at INSTANT, or publish a new article first.");
            out.flush();
            return ExitCodes.OK;
        }
        preview.notes().forEach(out::println);
        if (!preview.notes().isEmpty()) {
            out.println();
        }
        out.println("Subject: " + preview.mail().subject());
        out.println("From: " + app.settings().sender().name() + " <" + app.settings().sender().email() + ">");
        out.println();
        out.println(preview.mail().text());
        out.flush();
        if (html != null) {
            try {
                Files.writeString(html, preview.mail().html(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write " + html + ": " + e.getMessage());
            }
            context.err().println("wrote the HTML part to " + html);
            context.err().flush();
        }
        return ExitCodes.OK;
    }

    @Command(name = "list",
            description = "Each campaign: kind, active or paused, next send in local time, and its mail so far.")
    int list(@Mixin HelpOption help) {
        CliContext context = root.context;
        App app = context.app();
        PrintWriter out = context.out();
        out.printf("%-20s %-13s %-7s %-26s %s%n", "CAMPAIGN", "KIND", "STATE", "NEXT SEND", "MAIL SO FAR");
        for (Campaign c : app.campaigns().all()) {
            CampaignOverview report = CampaignOverview.of(app, c, context.clock().instant());
            out.printf("%-20s %-13s %-7s %-26s %s%n", c.id(), c.kind(), report.state(), report.nextSend(), report.counts());
        }
        out.flush();
        return ExitCodes.OK;
    }

    @Command(name = "show", description = {"Everything about one campaign.",
            "Its state, next send, recent newsletter issues or the announcement's schedule, and its mail so far."})
    int show(@Mixin HelpOption help, @Parameters(paramLabel = "CAMPAIGN", description = CAMPAIGN) String id) {
        CliContext context = root.context;
        App app = context.app();
        Campaign c = app.campaigns().get(id);
        CampaignOverview report = CampaignOverview.of(app, c, context.clock().instant());
        PrintWriter out = context.out();
        out.println(c.id() + ": " + c.kind() + " '" + c.name() + "' (" + c.file() + ")" + summary(c));
        out.println("  state:      " + report.state());
        out.println("  next send:  " + report.nextSend());
        report.details().forEach(line -> out.println("  " + line));
        out.println("  mail:       " + report.counts());
        out.flush();
        return ExitCodes.OK;
    }

    @Command(name = "stats",
            description = {"Planned, sent, failed and cancelled mail of a campaign, how many each node sent, and readers who"
                    + " unsubscribed after it.",
                    "With --issue N (the newsletter) or --step N (a sequence): the report of that one mailing, the "
                            + "figures of its admin report page: sent, failed, bounced, complaints, unsubscribes through "
                            + "its own link, clicks per article or link, and the mail that did not arrive. An announcement's "
                            + "report follows its campaign figures."})
    int stats(@Mixin HelpOption help, @Parameters(paramLabel = "CAMPAIGN", description = CAMPAIGN) String id,
            @Option(names = "--issue", paramLabel = "N", description = "One issue of the newsletter (its number).") Integer issue,
            @Option(names = "--step", paramLabel = "N", description = "One lesson of a sequence (1 to its last).") Integer step) {
        CliContext context = root.context;
        App app = context.app();
        Campaign c = app.campaigns().get(id);
        if (issue != null || step != null) {
            return MailingStats.print(context, app, c, issue, step);
        }
        Map<String, Integer> counts = app.jdbi().withExtension(DeliveryDao.class, dao -> dao.countsByState(c.id()));
        int unsubscribed = app.jdbi().withExtension(DeliveryDao.class, dao -> dao.unsubscribedAfter(c.id()));
        PrintWriter out = context.out();
        out.println(c.id() + " (" + c.kind() + ")");
        for (String state : new String[] {"planned", "sending", "sent", "failed", "cancelled"}) {
            out.printf("  %-13s %d%n", state, counts.getOrDefault(state, 0));
        }
        out.printf("  %-13s %d%n", "unsubscribed", unsubscribed);
        out.println("  (unsubscribed: readers who got this campaign's mail and unsubscribed afterwards)");
        Map<String, Integer> sentByNode = app.jdbi().withExtension(DeliveryDao.class, dao -> dao.sentByNode(c.id()));
        Map<String, Integer> byNode = new java.util.TreeMap<>(sentByNode);
        if (!byNode.isEmpty()) {
            out.println("  sent by node: " + byNode.entrySet().stream()
                    .map(e -> (e.getKey().isEmpty() ? "(before node names were recorded)" : e.getKey()) + " " + e.getValue())
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        var reports = app.bounces().ofCampaign(c.id());
        out.println("  bounces: " + reports.getOrDefault(dev.tayori.inbound.InboundKind.HARD, 0) + " hard, "
                + reports.getOrDefault(dev.tayori.inbound.InboundKind.SOFT, 0) + " soft, "
                + reports.getOrDefault(dev.tayori.inbound.InboundKind.COMPLAINT, 0) + " complaint(s), "
                + reports.getOrDefault(dev.tayori.inbound.InboundKind.AUTO_REPLY, 0) + " auto-reply(ies)");
        app.clicks().statsLines(c.id()).forEach(line -> out.println("  " + line));
        if (c instanceof Announcement) {
            out.println();
            MailingStats.announcement(app, c).forEach(out::println);
        }
        out.flush();
        return ExitCodes.OK;
    }

    @Command(name = "schedule",
            description = {"Schedule an announcement to go out at an instant.",
                    "It goes out at the first run at or after that instant, within its catch-up window (12 hours by "
                            + "default; later, it is skipped and the skip recorded). An instant in the past is taken, "
                            + "with a warning: it goes out at the next run (the admin pages and the API refuse one). "
                            + "Scheduling again before then moves "
                            + "it; once sent, it stays sent: an announcement goes to each subscriber once.",
                    "",
                    "Segments for --segment:",
                    "  all                          every confirmed subscriber",
                    "  workbook-finished            those who finished the workbook",
                    "  workbook-in-progress         those still getting the workbook",
                    "  confirmed-before:YYYY-MM-DD  those who confirmed before that day",
                    "  tag:NAME                     those with the tag NAME (subscribers tag)"})
    int schedule(@Mixin HelpOption help, @Parameters(paramLabel = "CAMPAIGN", description = CAMPAIGN) String id,
            @Option(names = "--at", paramLabel = "INSTANT", required = true, converter = InstantConverter.class,
                    description = "When, e.g. 2026-12-01T12:00+09:00.") Instant at,
            @Option(names = "--segment", paramLabel = "NAME",
                    description = "Who gets it (default: the segment in the campaign file).") String segment) {
        CliContext context = root.context;
        App app = context.app();
        Schedule s;
        try {
            s = app.announcements().schedule(id, at, segment);
            if (at.isBefore(context.clock().instant())) {
                // taken, as scripts and tests run due work for a given instant; but said, since it goes out at the next run
                context.err().println("warning: " + Formats.local(at, zone(app)) + " is in the past (it is now "
                        + Formats.local(context.clock().instant(), zone(app)) + "); " + id
                        + " goes out at the next run (serve: within a minute), within its catch-up window");
                context.err().flush();
            }
        } catch (IllegalStateException e) {
            context.err().println("error: " + e.getMessage());
            context.err().flush();
            return ExitCodes.FAILED;
        }
        context.out().println(id + " is scheduled for " + Formats.local(s.sendAt(), zone(app)) + " to segment " + s.segment());
        context.out().flush();
        return ExitCodes.OK;
    }

    @Command(name = "unschedule",
            description = "Withdraw an announcement's schedule, if its time has not come yet.")
    int unschedule(@Mixin HelpOption help, @Parameters(paramLabel = "CAMPAIGN", description = CAMPAIGN) String id) {
        CliContext context = root.context;
        boolean done = context.app().announcements().unschedule(id);
        if (!done) {
            context.err().println("error: " + id + " is not scheduled (or is already being sent)");
            context.err().flush();
            return ExitCodes.FAILED;
        }
        context.out().println(id + " is no longer scheduled");
        context.out().flush();
        return ExitCodes.OK;
    }

    @Command(name = "pause",
            description = {"Pause a campaign at once.",
                    "A sequence holds every subscriber at their next step, the newsletter skips its slots (each skip "
                            + "recorded), an announcement stops sending mid-way."})
    int pause(@Mixin HelpOption help, @Parameters(paramLabel = "CAMPAIGN", description = CAMPAIGN) String id) {
        CliContext context = root.context;
        boolean changed = context.app().control().pause(id, Origins.commandLine());
        context.out().println(id + (changed ? " is paused" : " was already paused"));
        context.out().flush();
        return ExitCodes.OK;
    }

    @Command(name = "resume",
            description = {"Resume a paused campaign.",
                    "It carries on where it stopped, sending nobody a second copy."})
    int resume(@Mixin HelpOption help, @Parameters(paramLabel = "CAMPAIGN", description = CAMPAIGN) String id) {
        CliContext context = root.context;
        boolean changed = context.app().control().resume(id);
        context.out().println(id + (changed ? " is active again" : " was not paused"));
        context.out().flush();
        return ExitCodes.OK;
    }

    @Command(name = "test-send",
            description = {"Send one rendered copy of a campaign's mail to an address.",
                    "The subject is marked [テスト]. It is not recorded as a delivery, so no subscriber is affected. "
                            + "For the newsletter: the next issue after --at (default now), as it would be then."})
    int testSend(@Mixin HelpOption help, @Parameters(paramLabel = "CAMPAIGN", description = CAMPAIGN) String id,
            @Option(names = "--to", paramLabel = "EMAIL", required = true, description = "Where to send it.") String to,
            @Option(names = "--step", paramLabel = "N", defaultValue = "1", description = "Step of a sequence.") int step,
            @Option(names = "--at", paramLabel = "INSTANT", converter = InstantConverter.class,
                    description = "For the newsletter: the next issue after this instant (default now).") Instant at) {
        CliContext context = root.context;
        App app = context.app();
        EmailAddress address = EmailAddress.parse(to);
        Campaign c = app.campaigns().get(id);
        try {
            TestCopy.send(app, c, step, at != null ? at : context.clock().instant(), address.address());
        } catch (MailPreview.NothingToSend e) {
            throw new IllegalArgumentException("nothing to send: " + e.getMessage()
                    + "; choose a time when an issue would go out with --at INSTANT");
        } catch (SmtpFailure e) {
            context.err().println("error: the test mail was not sent: " + e.getMessage());
            context.err().flush();
            return ExitCodes.FAILED;
        }
        context.out().println("sent a test copy of " + id + (c instanceof Sequence ? " step " + step : "") + " to " + address);
        context.out().flush();
        return ExitCodes.OK;
    }

    private static ZoneId zone(App app) {
        return app.settings().timezone();
    }

    static String summary(Campaign c) {
        if (c instanceof Sequence s) {
            return ", " + s.size() + " steps, later steps at " + s.sendAt();
        }
        if (c instanceof Newsletter n) {
            return ", " + n.days() + " at " + n.sendAt() + " " + n.zone();
        }
        if (c instanceof Announcement a) {
            return ", default segment " + a.segment();
        }
        return "";
    }

    private static Campaigns load(Settings settings) {
        return Campaigns.load(settings.campaignsDir(), new Templates(settings.templatesDir()));
    }
}
