package dev.tayori.web.admin;

import dev.tayori.App;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Sequence;
import dev.tayori.content.ContentException;
import dev.tayori.mail.EmailAddress;
import dev.tayori.mail.InvalidAddressException;
import dev.tayori.mail.MessageBuilder;
import dev.tayori.mail.OutgoingMail;
import dev.tayori.mail.SmtpConnection;
import dev.tayori.mail.SmtpFailure;
import dev.tayori.overview.MailPreview;
import java.util.UUID;

/**
 * The campaign page's test send, as `campaigns test-send` does it: the mail rendered by
 * MailPreview, "[テスト]" before its subject, a Message-ID of its own, sent on a connection of its
 * own. Nothing is written to the database, so no subscriber's deliveries or progress change.
 */
final class TestSend {
    /** What the page shows, in one line, and the status it is shown with. */
    record Result(int status, boolean sent, String line) {
    }

    private TestSend() {
    }

    static Result send(App app, Campaign campaign, String step, String to) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(to == null ? "" : to.strip());
        } catch (InvalidAddressException e) {
            return failed(400, e.getMessage());
        }
        int stepNumber = 1;
        if (campaign instanceof Sequence sequence) {
            try {
                stepNumber = Integer.parseInt(step == null ? "" : step.strip());
            } catch (NumberFormatException e) {
                stepNumber = 0;
            }
            if (stepNumber < 1 || stepNumber > sequence.size()) {
                return failed(400, "何通目かを 1 から " + sequence.size() + " の数で指定してください");
            }
        }
        var settings = app.settings();
        OutgoingMail mail;
        try {
            MailPreview.Preview preview = MailPreview.render(app, campaign, stepNumber, app.clock().instant(), "",
                    address.address());
            mail = new OutgoingMail(settings.sender(), address.address(), "", "[テスト] " + preview.mail().subject(),
                    preview.mail().html(), preview.mail().text(),
                    "<test-" + UUID.randomUUID() + "@" + settings.sender().domain() + ">", null,
                    settings.baseUrl() + "/unsubscribe/PREVIEW");
        } catch (IllegalArgumentException | ContentException e) {
            // MailPreview.NothingToSend among them: the newsletter's next issue would be skipped
            return failed(400, e.getMessage());
        }
        try (SmtpConnection smtp = new SmtpConnection(settings.smtp())) {
            smtp.send(new MessageBuilder(smtp.session(), app.clock()).build(mail));
        } catch (SmtpFailure | IllegalStateException | InvalidAddressException e) {
            return failed(502, e.getMessage());
        }
        return new Result(200, true, "テスト送信しました: " + address + " 宛て"
                + (campaign instanceof Sequence ? "（" + stepNumber + "通目）" : ""));
    }

    private static Result failed(int status, String why) {
        return new Result(status, false, "テスト送信できませんでした: " + (why == null ? "" : why.strip().replaceAll("\\s+", " ")));
    }
}
