package dev.tayori.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

/** All settings, typed and checked. Built once by {@link SettingsLoader}. */
public record Settings(
        DatabaseSettings database,
        SmtpSettings smtp,
        int webPort,
        String baseUrl,
        Sender sender,
        ZoneId timezone,
        Path campaignsDir,
        Path templatesDir,
        Path articlesDir,
        String articlesFeed,
        int batchSize,
        int maxAttempts,
        int leaseSeconds,
        String adminPassword,
        String apiToken,
        DkimSettings dkim,
        ReturnAddresses returns,
        InboundSettings inbound,
        TrackingSettings tracking,
        int tickSeconds,
        String nodeName) {

    /** The shortest admin.password an operator may choose (the generated one is longer). */
    static final int MIN_ADMIN_PASSWORD = 12;

    static Settings from(RawSettings raw) {
        Parser p = new Parser(raw);
        int webPort = p.port("web.port");
        String baseUrl = p.text("web.base-url");
        if (baseUrl.isBlank()) {
            baseUrl = "http://localhost:" + webPort;
        }
        baseUrl = p.url("web.base-url", baseUrl);
        p.noLineBreaks("sender.email");
        String senderEmail = p.address("sender.email");
        String contact = p.text("sender.contact");
        Sender sender = new Sender(p.text("sender.name"), senderEmail, p.text("sender.postal-address"),
                contact.isBlank() ? senderEmail : contact);
        p.noLineBreaks("sender.name");
        return new Settings(p.database(),
                new SmtpSettings(p.text("smtp.host"), p.port("smtp.port"), p.text("smtp.username"),
                        p.text("smtp.password"), p.bool("smtp.starttls"), p.positive("smtp.timeout-seconds"),
                        p.positive("smtp.connections"), p.positive("smtp.messages-per-connection"),
                        p.atLeastZero("smtp.rate-per-second"), p.limit("smtp.window", true),
                        p.limit("smtp.domain-limits", false)),
                webPort, baseUrl, sender, p.zone("timezone"), Path.of(p.text("campaigns.dir")),
                Path.of(p.text("templates.dir")), Path.of(p.text("articles.dir")), p.text("articles.feed"),
                p.positive("delivery.batch-size"),
                p.positive("delivery.max-attempts"), p.positive("delivery.lease-seconds"), p.adminPassword("admin.password"),
                p.apiToken("api.token"), DeliverabilitySettings.dkim(p, sender), DeliverabilitySettings.returns(p, sender),
                p.inbound(), new TrackingSettings(p.bool("tracking.clicks")),
                p.tickSeconds(), p.nodeName("node.name"));
    }

    public String databaseUrl() {
        return database.url();
    }

    public Settings withDatabaseUrl(String url) {
        return new Settings(database.withUrl(url), smtp, webPort, baseUrl, sender, timezone, campaignsDir, templatesDir,
                articlesDir, articlesFeed, batchSize, maxAttempts, leaseSeconds, adminPassword, apiToken, dkim, returns, inbound, tracking, tickSeconds, nodeName);
    }

    public Settings withSmtp(SmtpSettings newSmtp) {
        return new Settings(database, newSmtp, webPort, baseUrl, sender, timezone, campaignsDir, templatesDir,
                articlesDir, articlesFeed, batchSize, maxAttempts, leaseSeconds, adminPassword, apiToken, dkim, returns, inbound, tracking, tickSeconds, nodeName);
    }

    public Settings withSender(Sender newSender) {
        return new Settings(database, smtp, webPort, baseUrl, newSender, timezone, campaignsDir, templatesDir,
                articlesDir, articlesFeed, batchSize, maxAttempts, leaseSeconds, adminPassword, apiToken, dkim, returns, inbound, tracking, tickSeconds, nodeName);
    }

    public Settings withInbound(InboundSettings newInbound) {
        return new Settings(database, smtp, webPort, baseUrl, sender, timezone, campaignsDir, templatesDir,
                articlesDir, articlesFeed, batchSize, maxAttempts, leaseSeconds, adminPassword, apiToken, dkim, returns,
                newInbound, tracking, tickSeconds, nodeName);
    }

    /** For logs and debugging: every value but the secrets, and the database URL without its password. */
    @Override
    public String toString() {
        return "Settings[database=" + database + ", smtp=" + smtp + ", webPort=" + webPort
                + ", baseUrl=" + baseUrl + ", sender=" + sender + ", timezone=" + timezone + ", campaignsDir="
                + campaignsDir + ", templatesDir=" + templatesDir + ", articlesDir=" + articlesDir + ", articlesFeed="
                + Secrets.maskUrl(articlesFeed) + ", batchSize=" + batchSize + ", maxAttempts=" + maxAttempts
                + ", leaseSeconds=" + leaseSeconds + ", adminPassword=" + Secrets.shown("admin.password", adminPassword)
                + ", apiToken=" + Secrets.shown("api.token", apiToken) + ", dkim=" + dkim + ", returns=" + returns
                + ", inbound=" + inbound + ", tracking=" + tracking + ", tickSeconds=" + tickSeconds + ", nodeName=" + nodeName
                + "]";
    }

    /** Turns text into typed values; every complaint names the key and where its value came from. */
    record Parser(RawSettings raw) {
        String text(String key) {
            return raw.get(key).text().trim();
        }

        /** Names the key, where its value came from and what is wrong; a secret's value is never shown. */
        SettingsException error(String key, String problem) {
            RawSettings.Value v = raw.get(key);
            String where = v.origin().equals("default") ? " (the default)" : " (from " + v.origin() + ")";
            String value = Secrets.isSecret(key) ? "" : " = '" + printable(Secrets.shown(key, v.text())) + "'";
            return new SettingsException("setting " + key + value + where + ": " + problem);
        }

        /**
         * The value as one line the operator can read: a line break or another control character
         * (from an environment variable, say) is shown as \n or \u0007 instead of breaking the
         * message over lines or hiding what follows it.
         */
        private static String printable(String value) {
            StringBuilder out = new StringBuilder(value.length());
            value.codePoints().forEach(c -> {
                if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (Character.isISOControl(c)) {
                    out.append(String.format("\\u%04x", c));
                } else {
                    out.appendCodePoint(c);
                }
            });
            return out.toString();
        }

        /** The database: a URL of a kind tayori runs on, and for PostgreSQL the login and pool. */
        DatabaseSettings database() {
            String url = text("database.url");
            if (url.indexOf('\n') >= 0 || url.indexOf('\r') >= 0) {
                throw error("database.url", "must not contain line breaks");
            }
            try {
                dev.tayori.db.Dialect.of(url);
            } catch (IllegalArgumentException e) {
                throw error("database.url", e.getMessage());
            }
            noLineBreaks("database.username");
            int pool = positive("database.pool-size");
            if (pool > 200) {
                throw error("database.pool-size", "must be at most 200 (each connection is a process on the"
                        + " PostgreSQL server; its max_connections is 100 unless raised)");
            }
            return new DatabaseSettings(url, text("database.username"), raw.get("database.password").text(), pool);
        }

        /** How often due work runs: a minute, or fewer seconds for a node that should start mail sooner. */
        int tickSeconds() {
            int seconds = positive("schedule.tick-seconds");
            if (seconds > 60) {
                throw error("schedule.tick-seconds", "must be between 1 and 60");
            }
            return seconds;
        }

        int port(String key) {
            int value = integer(key);
            if (value < 1 || value > 65535) {
                throw error(key, "must be a port number between 1 and 65535");
            }
            return value;
        }

        int positive(String key) {
            int value = integer(key);
            if (value < 1) {
                throw error(key, "must be a whole number of 1 or more");
            }
            return value;
        }

        int atLeastZero(String key) {
            int value = integer(key);
            if (value < 0) {
                throw error(key, "must be 0 (no limit) or more");
            }
            return value;
        }

        /** "1000/1h" for the window; "domain=N/s, domain=N/min" for domain limits; checked by RateSpec. */
        String limit(String key, boolean window) {
            String value = text(key);
            try {
                if (window) {
                    RateSpec.parse(value);
                } else {
                    RateSpec.parseDomains(value);
                }
            } catch (IllegalArgumentException e) {
                throw error(key, e.getMessage());
            }
            return value;
        }

        int integer(String key) {
            try {
                return Integer.parseInt(text(key));
            } catch (NumberFormatException e) {
                throw error(key, "must be a whole number");
            }
        }

        boolean bool(String key) {
            return switch (text(key).toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off", "" -> false;
                default -> throw error(key, "must be true or false");
            };
        }

        ZoneId zone(String key) {
            try {
                return ZoneId.of(text(key));
            } catch (DateTimeException e) {
                throw error(key, "must be a time zone such as Asia/Tokyo");
            }
        }

        /**
         * The address readers' links start with: absolute http(s), no query or fragment (links are
         * made by appending /confirm/..., which a query would swallow), no user:password. Trailing
         * slashes are dropped, so https://mail.example.jp/ and https://mail.example.jp are the same.
         */
        String url(String key, String value) {
            String example = "; write it like https://mail.example.jp or https://example.jp/letters";
            URI uri;
            try {
                uri = new URI(value);
            } catch (java.net.URISyntaxException e) {
                throw error(key, "is not a valid web address" + example);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null) {
                throw error(key, "must be an absolute http:// or https:// address" + example);
            }
            if (uri.getHost() == null && uri.getRawUserInfo() == null) {
                // java.net.URI takes only ASCII host names: ｌｅｔｔｅｒｓ.example.jp or レター.jp has an authority but no host
                throw error(key, "has no usable host name after //: write it in half-width letters, digits, dots and"
                        + " hyphens (a Japanese domain name in its xn-- form)" + example);
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || value.endsWith("?") || value.endsWith("#")) {
                throw error(key, "must not have a query (?...) or fragment (#...)" + example);
            }
            if (uri.getRawUserInfo() != null) {
                throw error(key, "must not contain a user name or password" + example);
            }
            if (uri.getPort() == 0 || uri.getPort() > 65535 || uri.getAuthority().endsWith(":")) {
                throw error(key, "has no usable port (after ':' comes a number from 1 to 65535, or nothing)" + example);
            }
            String trimmed = value;
            while (trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            return trimmed;
        }

        /** The sender's address, checked as every reader's address is (mail/EmailAddress). */
        String address(String key) {
            RawSettings.Value v = raw.get(key);
            if (text(key).isEmpty() || v.origin().equals("default")) {
                return text(key); // empty: Sender.missing() says what to set before anything is mailed
            }
            try {
                return dev.tayori.mail.EmailAddress.parse(text(key)).address();
            } catch (RuntimeException e) {
                throw error(key, "must be a mail address such as letters@example.jp: " + e.getMessage());
            }
        }

        /** Empty means "generate one at the first serve"; a chosen one must be long enough to resist guessing. */
        String adminPassword(String key) {
            String password = raw.get(key).text();
            if (!password.isEmpty() && password.codePointCount(0, password.length()) < MIN_ADMIN_PASSWORD) {
                throw error(key, "must be at least " + MIN_ADMIN_PASSWORD + " characters long; leave it empty and"
                        + " tayori serve generates one and shows it once");
            }
            return password;
        }

        String apiToken(String key) {
            String token = text(key);
            if (!token.isEmpty() && token.length() < 24) {
                throw error(key, "must be at least 24 characters long (it is the password of the API)");
            }
            return token;
        }

        /** node.name: this process's name among the nodes on one database; unset, host name and process id. */
        String nodeName(String key) {
            String name = text(key);
            if (name.isEmpty()) {
                return NodeName.byDefault();
            }
            String problem = NodeName.problem(name);
            if (problem != null) {
                throw error(key, problem);
            }
            return name;
        }

        /** The mailbox: checked whole here, so a poll never meets a setting it cannot use. */
        InboundSettings inbound() {
            InboundSettings.Protocol protocol;
            try {
                protocol = InboundSettings.Protocol.parse(text("inbound.protocol"));
            } catch (IllegalArgumentException e) {
                throw error("inbound.protocol", "must be imap, imaps, pop3 or pop3s");
            }
            for (String key : new String[] {"inbound.host", "inbound.username", "inbound.folder",
                    "inbound.processed-folder"}) {
                noLineBreaks(key);
            }
            if (text("inbound.folder").isEmpty()) {
                throw error("inbound.folder", "must name the folder to read, usually INBOX");
            }
            if (text("inbound.processed-folder").isEmpty() || text("inbound.processed-folder").equalsIgnoreCase(text("inbound.folder"))) {
                throw error("inbound.processed-folder", "must name a folder other than inbound.folder, such as tayori-processed");
            }
            return new InboundSettings(text("inbound.host"), port("inbound.port"), protocol, bool("inbound.starttls"),
                    text("inbound.username"), raw.get("inbound.password").text(), text("inbound.folder"),
                    text("inbound.processed-folder"), positive("inbound.poll-minutes"),
                    optionalAddress("inbound.subscribe-address"), optionalAddress("inbound.unsubscribe-address"),
                    positive("bounce.soft-limit"));
        }

        /** An address or "" for "not used"; checked as every reader's address is. */
        String optionalAddress(String key) {
            if (text(key).isEmpty()) {
                return "";
            }
            noLineBreaks(key);
            try {
                return dev.tayori.mail.EmailAddress.parse(text(key)).address();
            } catch (RuntimeException e) {
                throw error(key, "must be a mail address such as touroku@example.jp: " + e.getMessage());
            }
        }

        void noLineBreaks(String key) {
            if (text(key).indexOf('\r') >= 0 || text(key).indexOf('\n') >= 0) {
                throw error(key, "must not contain line breaks (it goes into a mail header)");
            }
        }
    }
}
