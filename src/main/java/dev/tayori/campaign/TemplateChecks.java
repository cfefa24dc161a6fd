package dev.tayori.campaign;

import dev.tayori.campaign.CampaignProblem.Kind;
import dev.tayori.config.Sender;
import dev.tayori.render.MailModel;
import dev.tayori.render.RenderedMail;
import dev.tayori.render.TemplateProblem;
import dev.tayori.render.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders every step with sample values and refuses mail that would go out without what the law
 * requires: the sender's name, postal address and contact, and the unsubscribe link. Distinctive
 * sample values make "the footer printed it" checkable by a plain search of the output.
 */
final class TemplateChecks {
    static final Sender SAMPLE_SENDER = new Sender("CHECK-SENDER-NAME", "check@example.invalid",
            "CHECK-POSTAL-ADDRESS", "CHECK-CONTACT");
    static final String SAMPLE_UNSUBSCRIBE = "https://example.invalid/unsubscribe/CHECK-TOKEN";

    private final Templates templates;

    TemplateChecks(Templates templates) {
        this.templates = templates;
    }

    void check(List<Campaign> campaigns, List<CampaignProblem> problems) {
        for (Campaign campaign : campaigns) {
            if (campaign instanceof Sequence sequence) {
                for (Step step : sequence.steps()) {
                    checkMail(sequence, step.template(), step.line(), problems, Map.of());
                }
            }
            if (campaign instanceof Newsletter newsletter) {
                checkNewsletter(newsletter, problems);
            }
            if (campaign instanceof Announcement announcement) {
                checkSubject(announcement, announcement.subject(), announcement.subjectLine(), Map.of(), problems);
                checkMail(announcement, announcement.template(), announcement.templateLine(), problems, Map.of());
            }
        }
    }

    /**
     * Every other template in the folder (the web and admin pages, layouts no campaign uses) must parse
     * and keep to the sandbox's rules: a broken or hostile page is found at load, not when a reader or
     * the operator opens it. A file already reported is not reported twice (FreeMarker would only say
     * that loading it failed before).
     */
    void checkEveryTemplate(List<CampaignProblem> problems) {
        for (String name : templates.names()) {
            try {
                templates.check(name);
            } catch (TemplateProblem e) {
                boolean known = problems.stream().anyMatch(p -> p.file().equals(e.file()));
                if (!known) {
                    problems.add(new CampaignProblem(e.file(), e.line(), e.getMessage(), kindOf(e)));
                }
            }
        }
    }

    /** The confirmation mail: it must exist and show the sender, but it has no unsubscribe link. */
    void checkSystemMail(String template, List<CampaignProblem> problems) {
        for (String file : List.of(template + Templates.HTML, template + Templates.TEXT, template + ".subject.ftl")) {
            if (!templates.exists(file)) {
                problems.add(new CampaignProblem(templates.dir().resolve(file).toString(), 0,
                        "this template is needed for the sign-up confirmation mail and does not exist",
                        Kind.TEMPLATE_MISSING));
                return;
            }
        }
        Map<String, Object> model = MailModel.of(SAMPLE_SENDER, "サンプル", "reader@example.invalid",
                SAMPLE_UNSUBSCRIBE, "https://example.invalid", "subject");
        model.put("confirmUrl", "https://example.invalid/confirm/CHECK-TOKEN");
        try {
            templates.render(template + ".subject.ftl", model);
            RenderedMail mail = templates.renderMail("subject", template, model);
            for (String body : List.of(mail.html(), mail.text())) {
                List<String> lacking = new ArrayList<>(lackingLegalParts(body));
                lacking.remove("unsubscribeUrl");
                if (!body.contains("https://example.invalid/confirm/CHECK-TOKEN")) {
                    lacking.add("confirmUrl");
                }
                if (!lacking.isEmpty()) {
                    problems.add(new CampaignProblem(templates.dir().resolve(template).toString(), 0,
                            "the confirmation mail would lack: " + String.join(", ", lacking), Kind.LEGAL_FOOTER));
                    return;
                }
            }
        } catch (TemplateProblem e) {
            problems.add(new CampaignProblem(e.file(), e.line(), e.getMessage(), kindOf(e)));
        }
    }

    /**
     * A sample issue with the names IssueModel gives templates (number, date, articles with title,
     * url, excerpt, published, reread), so a typo in the newsletter template is found at load.
     */
    static Map<String, Object> sampleIssue() {
        return Map.of("number", 12, "date", "2026年11月24日（火）", "reread", false, "articles", List.of(
                Map.of("title", "サンプル記事 <1>", "url", "https://example.invalid/a?x=1&y=2", "excerpt",
                        "サンプルの抜粋です。", "published", "2026年11月23日（月）", "reread", false)));
    }

    private void checkNewsletter(Newsletter newsletter, List<CampaignProblem> problems) {
        checkSubject(newsletter, newsletter.subject(), newsletter.subjectLine(), Map.of("issue", sampleIssue()), problems);
        checkMail(newsletter, newsletter.template(), newsletter.templateLine(), problems, Map.of("issue", sampleIssue()));
    }

    /** Subjects are small templates too (${issue.number}); a typo in one is found at load. */
    private void checkSubject(Campaign campaign, String subject, int line, Map<String, Object> extra,
            List<CampaignProblem> problems) {
        if (subject == null) {
            return;
        }
        Map<String, Object> model = MailModel.of(SAMPLE_SENDER, "サンプル", "reader@example.invalid",
                SAMPLE_UNSUBSCRIBE, "https://example.invalid", "");
        model.putAll(extra);
        try {
            String rendered = templates.renderInline(campaign.file() + ":" + line, subject, model).strip();
            String problem = renderedSubjectProblem(rendered);
            if (problem != null) {
                problems.add(CampaignProblem.at(campaign.file(), line, "the subject " + problem, Kind.SUBJECT));
            }
        } catch (TemplateProblem e) {
            problems.add(CampaignProblem.at(campaign.file(), line, "the subject: " + e.getMessage(),
                    e.forbidden() ? Kind.FORBIDDEN_CODE : Kind.SUBJECT));
        }
    }

    /**
     * What the subject line would break once rendered: it goes into a mail header, where a line break
     * or control character makes every send fail, and an empty one reaches readers as "(no subject)".
     */
    static String renderedSubjectProblem(String rendered) {
        if (rendered.isEmpty()) {
            return "comes out empty; write the words readers see, like \"こころの便り 第${issue.number}号\"";
        }
        for (int i = 0; i < rendered.length(); i++) {
            char c = rendered.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
                return String.format("comes out with a line break or control character (U+%04X) in it; a subject is one"
                        + " line of text, and every send of this one would fail", (int) c);
            }
        }
        if (rendered.length() > SequenceFile.SUBJECT_LIMIT) {
            return "comes out longer than " + SequenceFile.SUBJECT_LIMIT + " characters";
        }
        return null;
    }

    void checkMail(Campaign campaign, String template, int line, List<CampaignProblem> problems,
            Map<String, Object> extra) {
        if (template == null) {
            return;
        }
        boolean missing = false;
        for (String suffix : List.of(Templates.HTML, Templates.TEXT)) {
            if (!templates.exists(template + suffix)) {
                problems.add(CampaignProblem.at(campaign.file(), line, "template '" + template + "' needs the file "
                        + templates.dir().resolve(template + suffix) + ", which does not exist", Kind.TEMPLATE_MISSING));
                missing = true;
            }
        }
        if (missing) {
            return;
        }
        Map<String, Object> model = MailModel.of(SAMPLE_SENDER, "サンプル", "reader@example.invalid",
                SAMPLE_UNSUBSCRIBE, "https://example.invalid", "subject");
        model.putAll(extra);
        RenderedMail mail;
        try {
            mail = templates.renderMail("subject", template, model);
        } catch (TemplateProblem e) {
            problems.add(new CampaignProblem(e.file(), e.line(), e.getMessage()
                    + " (used by " + campaign.file() + ":" + line + ")", kindOf(e)));
            return;
        }
        List<String> lacking = new ArrayList<>();
        for (String part : List.of(Templates.HTML, Templates.TEXT)) {
            String body = part.equals(Templates.HTML) ? mail.html() : mail.text();
            lacking.addAll(lackingLegalParts(body).stream().map(what -> what + " (" + template + part + ")").toList());
        }
        if (!lacking.isEmpty()) {
            problems.add(CampaignProblem.at(campaign.file(), line, "the mail from template '" + template
                    + "' would lack what every mail must show: " + String.join(", ", lacking)
                    + "; use the shared layout (<@layout.page>) or print them in the footer", Kind.LEGAL_FOOTER));
        }
    }

    private static Kind kindOf(TemplateProblem e) {
        return e.forbidden() ? Kind.FORBIDDEN_CODE : Kind.TEMPLATE;
    }

    static List<String> lackingLegalParts(String body) {
        List<String> lacking = new ArrayList<>();
        if (!body.contains(SAMPLE_SENDER.name())) {
            lacking.add("sender.name");
        }
        if (!body.contains(SAMPLE_SENDER.postalAddress())) {
            lacking.add("sender.postalAddress");
        }
        if (!body.contains(SAMPLE_SENDER.contact())) {
            lacking.add("sender.contact");
        }
        if (!body.contains(SAMPLE_UNSUBSCRIBE)) {
            lacking.add("unsubscribeUrl");
        }
        return lacking;
    }
}
