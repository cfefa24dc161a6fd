package dev.tayori.overview;

import dev.tayori.App;
import dev.tayori.authoring.MailSource;
import dev.tayori.campaign.Campaign;
import dev.tayori.mail.OutgoingMail;
import dev.tayori.mail.SmtpConnection;
import dev.tayori.mail.SmtpFailure;
import java.time.Instant;
import java.util.UUID;

/**
 * A test copy of a campaign's mail, for `campaigns test-send` and the admin page's test send: the
 * mail rendered by {@link MailPreview}, "[テスト]" before its subject, a Message-ID of its own, sent
 * on a connection of its own. Nothing is written to the database, so no subscriber is affected.
 * It carries no List-Unsubscribe or one-click header: there is no delivery row and no reader's
 * token behind it, so a client's unsubscribe button would point nowhere.
 */
public final class TestCopy {
    private TestCopy() {
    }

    /**
     * Sends step {@code step} of {@code campaign} (for a newsletter: its next issue after {@code at})
     * to {@code address}. Throws MailPreview.NothingToSend when that issue would be skipped.
     */
    public static void send(App app, Campaign campaign, int step, Instant at, String address) throws SmtpFailure {
        send(app, campaign, step, at, address, null);
    }

    /** A test copy of {@code draft} (the editor's words, saved or not; null: the live mail) as step {@code step}. */
    public static void send(App app, Campaign campaign, int step, Instant at, String address, MailSource draft)
            throws SmtpFailure {
        var settings = app.settings();
        MailPreview.Preview preview = MailPreview.render(app, campaign, step, at, "", address, draft);
        OutgoingMail mail = new OutgoingMail(settings.sender(), address, "", "[テスト] " + preview.mail().subject(),
                preview.mail().html(), preview.mail().text(),
                "<test-" + UUID.randomUUID() + "@" + settings.sender().domain() + ">", null, null);
        try (SmtpConnection smtp = new SmtpConnection(settings.smtp())) {
            smtp.send(app.messageBuilder().wire(mail)); // signed like every mail, bounces to bounce.address
        }
    }
}
