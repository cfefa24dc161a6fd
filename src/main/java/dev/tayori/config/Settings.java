package dev.tayori.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

/** All settings, typed and checked. Built once by {@link SettingsLoader}. */
public record Settings(
        String databaseUrl,
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
        String apiToken) {

    static Settings from(RawSettings raw) {
        Parser p = new Parser(raw);
        int webPort = p.port("web.port");
        String baseUrl = p.text("web.base-url");
        if (baseUrl.isBlank()) {
            baseUrl = "http://localhost:" + webPort;
        }
        baseUrl = p.url("web.base-url", baseUrl);
        String senderEmail = p.text("sender.email");
        String contact = p.text("sender.contact");
        Sender sender = new Sender(p.text("sender.name"), senderEmail, p.text("sender.postal-address"),
                contact.isBlank() ? senderEmail : contact);
        p.noLineBreaks("sender.name");
        p.noLineBreaks("sender.email");
        String database = p.text("database.url");
        if (!database.startsWith("jdbc:")) {
            throw p.error("database.url", "must be a JDBC URL such as jdbc:sqlite:data/tayori.db");
        }
        return new Settings(database,
                new SmtpSettings(p.text("smtp.host"), p.port("smtp.port"), p.text("smtp.username"),
                        p.text("smtp.password"), p.bool("smtp.starttls"), p.positive("smtp.timeout-seconds"),
                        p.positive("smtp.connections"), p.positive("smtp.messages-per-connection"),
                        p.atLeastZero("smtp.rate-per-second"), p.limit("smtp.window", true),
                        p.limit("smtp.domain-limits", false)),
                webPort, baseUrl, sender, p.zone("timezone"), Path.of(p.text("campaigns.dir")),
                Path.of(p.text("templates.dir")), Path.of(p.text("articles.dir")), p.text("articles.feed"),
                p.positive("delivery.batch-size"),
                p.positive("delivery.max-attempts"), p.positive("delivery.lease-seconds"), p.text("admin.password"),
                p.apiToken("api.token"));
    }

    public Settings withDatabaseUrl(String url) {
        return new Settings(url, smtp, webPort, baseUrl, sender, timezone, campaignsDir, templatesDir,
                articlesDir, articlesFeed, batchSize, maxAttempts, leaseSeconds, adminPassword, apiToken);
    }

    public Settings withSmtp(SmtpSettings newSmtp) {
        return new Settings(databaseUrl, newSmtp, webPort, baseUrl, sender, timezone, campaignsDir, templatesDir,
                articlesDir, articlesFeed, batchSize, maxAttempts, leaseSeconds, adminPassword, apiToken);
    }

    public Settings withSender(Sender newSender) {
        return new Settings(databaseUrl, smtp, webPort, baseUrl, newSender, timezone, campaignsDir, templatesDir,
                articlesDir, articlesFeed, batchSize, maxAttempts, leaseSeconds, adminPassword, apiToken);
    }

    /** Turns text into typed values; every complaint names the key and where its value came from. */
    private record Parser(RawSettings raw) {
        String text(String key) {
            return raw.get(key).text().trim();
        }

        SettingsException error(String key, String problem) {
            RawSettings.Value v = raw.get(key);
            String where = v.origin().equals("default") ? "" : " (from " + v.origin() + ")";
            return new SettingsException("setting " + key + " = '" + v.text() + "'" + where + ": " + problem);
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

        String url(String key, String value) {
            try {
                URI uri = new URI(value);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw error(key, "must be an http:// or https:// address such as https://mail.example.jp");
                }
            } catch (java.net.URISyntaxException e) {
                throw error(key, "is not a valid web address");
            }
            return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        }

        String apiToken(String key) {
            String token = text(key);
            if (!token.isEmpty() && token.length() < 24) {
                throw error(key, "must be at least 24 characters long (it is the password of the API)");
            }
            return token;
        }

        void noLineBreaks(String key) {
            if (text(key).indexOf('\r') >= 0 || text(key).indexOf('\n') >= 0) {
                throw error(key, "must not contain line breaks (it goes into a mail header)");
            }
        }
    }
}
