package dev.tayori.announcement;

import dev.tayori.authoring.LiveMail;
import dev.tayori.campaign.Announcement;
import dev.tayori.campaign.Campaign;
import dev.tayori.delivery.CampaignMail;
import dev.tayori.delivery.Delivery;
import dev.tayori.render.RenderedMail;
import dev.tayori.render.Templates;
import dev.tayori.subscriber.Subscriber;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Renders an announcement for one subscriber. */
public final class AnnouncementMail implements CampaignMail {
    private final Templates templates;
    private final LiveMail live;

    public AnnouncementMail(Templates templates, LiveMail live) {
        this.templates = templates;
        this.live = live;
    }

    @Override
    public String kind() {
        return "announcement";
    }

    @Override
    public Optional<String> refusal(Campaign campaign, Delivery delivery, Subscriber subscriber, Instant at) {
        return Optional.empty();
    }

    @Override
    public RenderedMail render(Campaign campaign, Delivery delivery, Map<String, Object> model) {
        Announcement announcement = (Announcement) campaign;
        // Written or edited in the browser: its live revision (a browser-made one has nothing else).
        var authored = live.render(announcement, 0, model);
        if (authored.isPresent() || announcement.template() == null) {
            return authored.orElseThrow(() -> new IllegalStateException(announcement.id() + " has no live words"));
        }
        String subject = templates.renderInline(announcement.file() + " (subject)", announcement.subject(), model).strip();
        model.put("subject", subject);
        return templates.renderMail(subject, announcement.template(), model);
    }
}
