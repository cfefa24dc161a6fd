package dev.tayori.newsletter;

import dev.tayori.authoring.LiveMail;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Newsletter;
import dev.tayori.delivery.CampaignMail;
import dev.tayori.delivery.Delivery;
import dev.tayori.render.RenderedMail;
import dev.tayori.render.Templates;
import dev.tayori.subscriber.Subscriber;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/** Renders a newsletter issue for one subscriber from the articles frozen in the issue. */
public final class IssueMail implements CampaignMail {
    public static final String OPT_OUT_KIND = "newsletter";

    private final Jdbi jdbi;
    private final Templates templates;
    private final LiveMail live;
    /** Issues being sent right now; every recipient of an issue shares its articles. */
    private final Map<String, Map<String, Object>> issueModels = new ConcurrentHashMap<>();

    public IssueMail(Jdbi jdbi, Templates templates, LiveMail live) {
        this.jdbi = jdbi;
        this.templates = templates;
        this.live = live;
    }

    @Override
    public String kind() {
        return "newsletter";
    }

    @Override
    public Optional<String> refusal(Campaign campaign, Delivery delivery, Subscriber subscriber, Instant at) {
        boolean optedOut = jdbi.withExtension(IssueDao.class, dao -> dao.optedOut(subscriber.id(), OPT_OUT_KIND));
        return optedOut ? Optional.of("the subscriber stopped the newsletter") : Optional.empty();
    }

    @Override
    public RenderedMail render(Campaign campaign, Delivery delivery, Map<String, Object> model) {
        Newsletter newsletter = (Newsletter) campaign;
        model.put("issue", issueModel(newsletter, Integer.parseInt(delivery.itemKey().substring("issue:".length()))));
        // The newsletter's own words from the browser, around the excerpts, when they were published there.
        var authored = live.render(newsletter, 0, model);
        if (authored.isPresent()) {
            return authored.get();
        }
        String subject = templates.renderInline(newsletter.file() + " (subject)", newsletter.subject(), model).strip();
        model.put("subject", subject);
        return templates.renderMail(subject, newsletter.template(), model);
    }

    private Map<String, Object> issueModel(Newsletter newsletter, int number) {
        String key = newsletter.id() + ":" + number;
        if (issueModels.size() > 32) {
            issueModels.clear();
        }
        return issueModels.computeIfAbsent(key, k -> {
            Issue issue = jdbi.withExtension(IssueDao.class, dao -> dao.findByNumber(newsletter.id(), number))
                    .orElseThrow(() -> new IllegalStateException("issue " + number + " of " + newsletter.id() + " is not recorded"));
            List<IssueArticle> articles = jdbi.withExtension(IssueDao.class, dao -> dao.articlesOf(issue.id()));
            return IssueModel.of(newsletter, number, issue.slotAt(), articles);
        });
    }
}
