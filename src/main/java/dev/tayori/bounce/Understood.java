package dev.tayori.bounce;

import java.util.List;

/** What an inbound message turned out to be, before anything is done about it. */
public sealed interface Understood {

    /** A one-line account for `inbox check`: what the message was. */
    String what();

    /**
     * A delivery report: {@code status} is the RFC 3463 code (5.1.1, 4.2.2) and decides hard or soft;
     * {@code recipient} is the address that failed, as the report names it ("" when it names none).
     */
    record Bounce(BounceKind kind, String recipient, String status, String diagnostic, Clues clues) implements Understood {
        @Override
        public String what() {
            return kind.label() + " bounce" + (recipient.isEmpty() ? "" : " for " + recipient) + " (" + status + ")";
        }
    }

    /** An RFC 5965 abuse report: a reader pressed "this is spam". */
    record Complaint(String recipient, String feedbackType, Clues clues) implements Understood {
        @Override
        public String what() {
            return "complaint (" + feedbackType + ")" + (recipient.isEmpty() ? "" : " about mail to " + recipient);
        }
    }

    /** A vacation or other automatic answer (RFC 3834): recorded, never a bounce. */
    record AutoReply(String from, String subject, Clues clues) implements Understood {
        @Override
        public String what() {
            return "auto-reply from " + from;
        }
    }

    /** 空メール登録: a mail to the subscribe address; {@code origin} is its Message-ID and Received chain. */
    record BlankSignUp(String sender, String origin) implements Understood {
        @Override
        public String what() {
            return "blank-mail sign-up from " + sender;
        }
    }

    /** A mail to the unsubscribe address, with the reader's token in the address or the subject ("" if none). */
    record MailtoUnsubscribe(String token, String from) implements Understood {
        @Override
        public String what() {
            return "mailto unsubscribe from " + from;
        }
    }

    /** Nothing tayori knows: the message is left where it is. */
    record Unrecognised(String why) implements Understood {
        @Override
        public String what() {
            return why;
        }
    }

    /**
     * What in a report points at the mail it is about: delivery ids from VERP addresses and
     * Message-IDs of the returned mail (or its In-Reply-To), strongest first.
     */
    record Clues(List<Long> verpDeliveryIds, List<String> messageIds) {
        public static final Clues NONE = new Clues(List.of(), List.of());
    }
}
