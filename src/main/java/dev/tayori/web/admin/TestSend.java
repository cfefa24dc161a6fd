package dev.tayori.web.admin;

import dev.tayori.App;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Sequence;
import dev.tayori.content.ContentException;
import dev.tayori.mail.EmailAddress;
import dev.tayori.mail.InvalidAddressException;
import dev.tayori.mail.SmtpFailure;
import dev.tayori.overview.TestCopy;

/**
 * The campaign page's test send ({@link TestCopy}, as `campaigns test-send`), with the page's
 * checks of the address and step and one line for the result.
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
            return failed(400, dev.tayori.web.SignUpWords.address(e.reason()));
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
        try {
            TestCopy.send(app, campaign, stepNumber, app.clock().instant(), address.address());
        } catch (dev.tayori.overview.MailPreview.NothingToSend e) {
            return failed(400, "次の号は新しい記事がないため見送られる予定で、送るものがありません");
        } catch (IllegalArgumentException | ContentException e) {
            // MailPreview.NothingToSend among them: the newsletter's next issue would be skipped
            return failed(400, e.getMessage());
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
