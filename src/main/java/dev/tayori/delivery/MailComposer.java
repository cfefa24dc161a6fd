package dev.tayori.delivery;

import dev.tayori.authoring.LiveMail;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Campaigns;
import dev.tayori.campaign.Sequence;
import dev.tayori.config.Sender;
import dev.tayori.mail.OutgoingMail;
import dev.tayori.render.MailModel;
import dev.tayori.render.RenderedMail;
import dev.tayori.render.Templates;
import dev.tayori.subscriber.UnsubscribeLinks;
import dev.tayori.subscriber.Confirmation;
import dev.tayori.subscriber.ConfirmationDao;
import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.SubscriberStatus;
import dev.tayori.tracking.Clicks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Decides at send time whether a recorded delivery may still go out, and renders it. Eligibility is
 * checked here again, not only when planning: an unsubscribe between the two must win.
 */
public final class MailComposer {
    public static final String CONFIRMATION = "confirmation";

    private final Jdbi jdbi;
    private final Campaigns campaigns;
    private final Templates templates;
    private final LiveMail live;
    private final Sender sender;
    private final String baseUrl;

    private final Map<String, CampaignMail> byKind;
    private final Clicks clicks;
    private final UnsubscribeLinks unsubscribeLinks;

    public MailComposer(Jdbi jdbi, Campaigns campaigns, Templates templates, LiveMail live, Sender sender, String baseUrl,
            List<CampaignMail> kinds, Clicks clicks, UnsubscribeLinks unsubscribeLinks) {
        this.clicks = clicks;
        this.unsubscribeLinks = unsubscribeLinks;
        this.live = live;
        this.byKind = kinds.stream().collect(java.util.stream.Collectors.toMap(CampaignMail::kind, k -> k));
        this.jdbi = jdbi;
        this.campaigns = campaigns;
        this.templates = templates;
        this.sender = sender;
        this.baseUrl = baseUrl;
    }

    /** Why no mail at all may leave with the present settings (sender details the law requires), or empty. */
    public Optional<String> blockedBySettings() {
        return sender.missing().map(m -> "not sending: " + m);
    }

    /** Why this delivery must not be sent now, or empty when it may. */
    public Optional<String> refusal(Delivery delivery, Subscriber subscriber, Instant at) {
        if (CONFIRMATION.equals(delivery.campaignId())) {
            if (subscriber.status() != SubscriberStatus.PENDING) {
                return Optional.of("the subscriber is " + subscriber.status().db() + ", no confirmation needed");
            }
            Optional<Confirmation> confirmation = confirmation(delivery);
            if (confirmation.isEmpty() || confirmation.get().usedAt() != null) {
                return Optional.of("the confirmation request was already used");
            }
            if (!at.isBefore(confirmation.get().expiresAt())) {
                return Optional.of("the confirmation link expired before it could be sent");
            }
            return Optional.empty();
        }
        if (!subscriber.mayReceiveCampaignMail()) {
            return Optional.of("the subscriber is " + subscriber.status().db());
        }
        Optional<Campaign> campaign = campaigns.find(delivery.campaignId());
        if (campaign.isEmpty()) {
            return Optional.of("the campaign " + delivery.campaignId() + " no longer exists in campaigns/");
        }
        CampaignMail kind = byKind.get(campaign.get().kind());
        return kind == null ? Optional.empty() : kind.refusal(campaign.get(), delivery, subscriber, at);
    }

    public OutgoingMail compose(Delivery delivery, Subscriber subscriber) {
        if (CONFIRMATION.equals(delivery.campaignId())) {
            String unsubscribeUrl = baseUrl + "/unsubscribe/" + subscriber.unsubscribeToken();
            Confirmation confirmation = confirmation(delivery).orElseThrow();
            // Nobody has confirmed this address yet: whatever a stranger typed as the name would reach
            // it in our name (a spam relay), so the confirmation carries no name, in the model or in To:.
            Map<String, Object> model = MailModel.of(sender, "", subscriber.email(), unsubscribeUrl, baseUrl, "");
            model.put("confirmUrl", baseUrl + "/confirm/" + confirmation.token());
            String subject = templates.render("system/confirm.subject.ftl", model).strip();
            model.put("subject", subject);
            RenderedMail mail = templates.renderMail(subject, "system/confirm", model);
            return new OutgoingMail(sender, subscriber.email(), "", mail.subject(), mail.htmlBody(), mail.textBody(),
                    delivery.messageId(), null, null, delivery.id(), null);
        }
        // campaign mail: its link also says which mail it is, so the unsubscribe counts for this mail's report
        String unsubscribeUrl = unsubscribeLinks.link(baseUrl, subscriber.unsubscribeToken(), delivery.id());
        Campaign campaign = campaigns.get(delivery.campaignId());
        if (campaign instanceof Sequence sequence) {
            var step = sequence.step(delivery.step());
            Map<String, Object> model = MailModel.of(sender, subscriber.name(), subscriber.email(), unsubscribeUrl,
                    baseUrl, step.subject());
            model.put("step", Map.of("number", step.number(), "total", sequence.size()));
            // the lesson's live browser revision if it has one, else its file's template
            RenderedMail mail = live.render(sequence, step.number(), model)
                    .orElseGet(() -> templates.renderMail(step.subject(), step.template(), model));
            return outgoing(delivery, subscriber, mail, listId(campaign.id()), unsubscribeUrl);
        }
        CampaignMail kind = byKind.get(campaign.kind());
        if (kind == null) {
            throw new IllegalStateException("cannot compose mail for campaign kind " + campaign.kind());
        }
        Map<String, Object> model = MailModel.of(sender, subscriber.name(), subscriber.email(), unsubscribeUrl,
                baseUrl, "");
        RenderedMail mail = kind.render(campaign, delivery, model);
        return outgoing(delivery, subscriber, mail, listId(campaign.id()), unsubscribeUrl);
    }

    private OutgoingMail outgoing(Delivery delivery, Subscriber subscriber, RenderedMail mail, String listId,
            String unsubscribeUrl) {
        // per reader, after the mailing's stencil is filled in: each mail's /r/ tokens name its delivery
        mail = clicks.track(mail, delivery.id());
        return new OutgoingMail(sender, subscriber.email(), subscriber.name(), mail.subject(), mail.htmlBody(), mail.textBody(),
                delivery.messageId(), listId, unsubscribeUrl, delivery.id(), subscriber.unsubscribeToken());
    }

    private String listId(String campaignId) {
        return "<" + campaignId + "." + sender.domain() + ">";
    }

    private Optional<Confirmation> confirmation(Delivery delivery) {
        long id = Long.parseLong(delivery.itemKey().substring("confirm:".length()));
        return jdbi.withExtension(ConfirmationDao.class, dao -> dao.findById(id));
    }
}
