package dev.tayori.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every setting tayori knows, with its default. A key not listed here is a typo, and is reported
 * as one rather than silently ignored.
 */
final class SettingKeys {
    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("database.url", "jdbc:sqlite:data/tayori.db");
        // PostgreSQL's login (README "Several nodes on PostgreSQL"); SQLite needs none
        DEFAULTS.put("database.username", "");
        DEFAULTS.put("database.password", "");
        // connections per node: one per sender thread, the claimer, the web server, Quartz
        DEFAULTS.put("database.pool-size", "12");
        // how often due work runs; each node of a cluster also sends on this tick
        DEFAULTS.put("schedule.tick-seconds", "60");
        DEFAULTS.put("smtp.host", "");
        DEFAULTS.put("smtp.port", "25");
        DEFAULTS.put("smtp.username", "");
        DEFAULTS.put("smtp.password", "");
        DEFAULTS.put("smtp.starttls", "false");
        DEFAULTS.put("smtp.timeout-seconds", "30");
        DEFAULTS.put("smtp.connections", "4");
        DEFAULTS.put("smtp.messages-per-connection", "1000");
        DEFAULTS.put("smtp.rate-per-second", "0");
        DEFAULTS.put("smtp.window", "");
        // Japanese carrier mail throttles senders hard; go slower there unless told otherwise.
        DEFAULTS.put("smtp.domain-limits", "docomo.ne.jp=2/s, ezweb.ne.jp=2/s, au.com=2/s, softbank.ne.jp=2/s, i.softbank.jp=2/s");
        DEFAULTS.put("web.port", "8080");
        DEFAULTS.put("web.base-url", "");
        DEFAULTS.put("admin.password", "");
        DEFAULTS.put("api.token", "");
        DEFAULTS.put("sender.name", "tayori");
        DEFAULTS.put("sender.email", "tayori@localhost");
        DEFAULTS.put("sender.postal-address", "");
        DEFAULTS.put("sender.contact", "");
        DEFAULTS.put("sender.reply-to", "");
        // Deliverability (README "Deliverability"): DKIM signing, the bounce address, mailto unsubscribe.
        // dkim.domain empty: the sender's domain. No dkim.private-key: mail goes out unsigned.
        DEFAULTS.put("dkim.domain", "");
        DEFAULTS.put("dkim.selector", "");
        DEFAULTS.put("dkim.private-key", "");
        DEFAULTS.put("dkim.ed25519-selector", "");
        DEFAULTS.put("dkim.ed25519-private-key", "");
        DEFAULTS.put("bounce.address", "");
        DEFAULTS.put("bounce.verp", "false");
        // read here for List-Unsubscribe's mailto:, and by the inbound mailbox for what arrives there
        DEFAULTS.put("inbound.unsubscribe-address", "");
        DEFAULTS.put("timezone", "Asia/Tokyo");
        DEFAULTS.put("campaigns.dir", "campaigns");
        DEFAULTS.put("templates.dir", "templates");
        DEFAULTS.put("articles.dir", "articles");
        DEFAULTS.put("articles.feed", "");
        // rows planned in one transaction and claimed in one statement: at 500 the claims' write lock
        // and the cache reloads after each claim held the senders back; 2,000 rows are about 2 MB
        DEFAULTS.put("delivery.batch-size", "2000");
        DEFAULTS.put("delivery.max-attempts", "5");
        DEFAULTS.put("delivery.lease-seconds", "300");
        // README "Click counts": off unless the operator says so, and tells readers in the privacy notice
        DEFAULTS.put("tracking.clicks", "false");
        // the mailbox bounces and replies arrive in (issue 13); no host, no polling
        DEFAULTS.put("inbound.host", "");
        DEFAULTS.put("inbound.port", "993");
        DEFAULTS.put("inbound.protocol", "imaps");
        DEFAULTS.put("inbound.starttls", "false");
        DEFAULTS.put("inbound.username", "");
        DEFAULTS.put("inbound.password", "");
        DEFAULTS.put("inbound.folder", "INBOX");
        DEFAULTS.put("inbound.processed-folder", "tayori-processed");
        DEFAULTS.put("inbound.poll-minutes", "5");
        DEFAULTS.put("inbound.subscribe-address", "");
        // three temporary failures in a row (a full mailbox for a week of lessons) end mail to the address
        DEFAULTS.put("bounce.soft-limit", "3");
        // README "Running several nodes": empty means the host name and the process id (web1-12345)
        DEFAULTS.put("node.name", "");
    }

    /** TAYORI_ + the key in upper case, dots and dashes as underscores: smtp.host -> TAYORI_SMTP_HOST. */
    static String environmentName(String key) {
        return "TAYORI_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private SettingKeys() {
    }
}
