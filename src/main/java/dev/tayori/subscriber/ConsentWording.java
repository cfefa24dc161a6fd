package dev.tayori.subscriber;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The words the sign-up form asks consent with, in ONE place: the form shows {@link #text}, the
 * consent record keeps {@link #VERSION}, and the table consent_wordings keeps each version's text as
 * the reader saw it (with the sender's name in it). Change the words: change the version too.
 */
public final class ConsentWording {
    /** The consent wording's version; the page shows it and the consent record keeps it. */
    public static final String VERSION = "2026-11-1";

    private ConsentWording() {
    }

    public static String text(String senderName) {
        return "「登録する」を押すと、" + senderName + "からのメールマガジン（ワークブック、週3回のコラム、講座などのお知らせ）の受け取りに同意したことになります。"
                + "ご登録の記録（日時・送信元）を保管します。配信はいつでも、各メールの配信停止リンクから停止できます。";
    }

    /**
     * Keeps today's wording under today's version, at start. A version already kept is not rewritten:
     * what readers agreed to under it stays what they saw.
     */
    public static void remember(Jdbi jdbi, String senderName, Instant now) {
        jdbi.useExtension(ConsentWordingDao.class, dao -> dao.remember(VERSION, text(senderName), now));
    }

    /** The wording of a version, if the form ever showed it here (readers imported or added by the operator have none). */
    public static Optional<String> of(Jdbi jdbi, String version) {
        return version == null ? Optional.empty() : jdbi.withExtension(ConsentWordingDao.class, dao -> dao.wording(version));
    }
}
