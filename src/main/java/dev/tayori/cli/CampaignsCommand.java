package dev.tayori.cli;

import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Campaigns;
import dev.tayori.campaign.Sequence;
import dev.tayori.campaign.Step;
import dev.tayori.config.Settings;
import dev.tayori.render.MailModel;
import dev.tayori.render.RenderedMail;
import dev.tayori.render.Templates;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "campaigns", mixinStandardHelpOptions = true,
        description = "Check and preview the campaign files in campaigns/ and their templates.")
final class CampaignsCommand {
    @ParentCommand
    TayoriCommand root;

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check every campaign file and template, and render each mail with sample data.",
                    "Each problem is printed as file:line: what is wrong. Exits 2 if there is any."})
    int validate() {
        CliContext context = root.context;
        Campaigns campaigns = load(context.settings());
        PrintWriter out = context.out();
        for (Campaign c : campaigns.all()) {
            out.println("ok  " + c.file() + "  " + c.kind() + " '" + c.name() + "'"
                    + (c instanceof Sequence s ? ", " + s.size() + " steps, later steps at " + s.sendAt() : ""));
        }
        out.println(campaigns.all().size() + " campaign(s), no problems found");
        out.flush();
        return ExitCodes.OK;
    }

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = "Print a mail of a campaign as a subscriber will read it (the plain-text part).")
    int preview(@Parameters(paramLabel = "CAMPAIGN", description = "The campaign id, e.g. workbook.") String id,
            @Option(names = "--step", paramLabel = "N", defaultValue = "1",
                    description = "Which step of a sequence (default 1).") int stepNumber,
            @Option(names = "--html", paramLabel = "FILE", description = "Also write the HTML part to FILE.") Path html) {
        CliContext context = root.context;
        Settings settings = context.settings();
        Templates templates = new Templates(settings.templatesDir());
        Campaign campaign = load(settings).get(id);
        if (!(campaign instanceof Sequence sequence)) {
            throw new IllegalArgumentException("preview of " + campaign.kind() + " campaigns is not available yet");
        }
        if (stepNumber < 1 || stepNumber > sequence.size()) {
            throw new IllegalArgumentException("--step must be between 1 and " + sequence.size() + " for " + id);
        }
        Step step = sequence.step(stepNumber);
        Map<String, Object> model = MailModel.of(settings.sender(), "読者", "reader@example.jp",
                settings.baseUrl() + "/unsubscribe/PREVIEW", settings.baseUrl(), step.subject());
        model.put("step", Map.of("number", step.number(), "total", sequence.size()));
        RenderedMail mail = templates.renderMail(step.subject(), step.template(), model);
        PrintWriter out = context.out();
        out.println("Subject: " + mail.subject());
        out.println("From: " + settings.sender().name() + " <" + settings.sender().email() + ">");
        out.println();
        out.println(mail.text());
        out.flush();
        if (html != null) {
            try {
                Files.writeString(html, mail.html(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write " + html + ": " + e.getMessage());
            }
            context.err().println("wrote the HTML part to " + html);
            context.err().flush();
        }
        return ExitCodes.OK;
    }

    private static Campaigns load(Settings settings) {
        return Campaigns.load(settings.campaignsDir(), new Templates(settings.templatesDir()));
    }
}
