package dev.tayori.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which settings are secrets, and how a value is shown wherever it is printed (an error, a log line,
 * a toString): a secret never, a URL without its password. HikariCP's maskPasswordsInUrl does the
 * same for JDBC URLs; here it covers every URL-valued setting, since a feed or base URL can carry a
 * token too.
 */
public final class Secrets {
    /** Keys whose whole value is a secret: passwords and tokens. */
    static final Set<String> KEYS = Set.of("smtp.password", "admin.password", "api.token", "inbound.password",
            "database.password");
    /** Keys whose value is a URL that may hold a password (userinfo, password=...). */
    static final Set<String> URL_KEYS = Set.of("database.url", "web.base-url", "articles.feed");

    /** user:password@ in any URL's authority (the user is kept, it helps find the account). */
    private static final Pattern USERINFO = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*:(?:[a-z0-9+.-]+:)?//[^/?#@\\s:]*):([^/?#\\s]*)@");
    /** A URL parameter (? & ;) or JDBC property: its name, and its value up to the next separator. */
    private static final Pattern PARAMETER = Pattern.compile("([?&;]\\s*)([^=?&;#\\s]+)(\\s*=)([^&;#\\s]*)");
    /**
     * Parameter names that carry a secret, read after percent-decoding (PostgreSQL's driver decodes
     * {@code pass%77ord} to password): any name holding password, passwd, pwd, secret or token
     * (sslpassword, access_token), and api-key or key.
     */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|pwd|secret|token).*|api[_-]?key|key");
    /** Shorter values are not looked for elsewhere in the text: "ab" would mask every word holding it. */
    private static final int SHORTEST_REPEATED = 3;
    public static final String HIDDEN = "(hidden)";

    private Secrets() {
    }

    public static boolean isSecret(String key) {
        return KEYS.contains(key);
    }

    /** A setting's value as it may be printed: secrets hidden, URLs masked. */
    static String shown(String key, String value) {
        if (isSecret(key)) {
            return value == null || value.isEmpty() ? "" : HIDDEN;
        }
        return URL_KEYS.contains(key) ? maskUrl(value) : value;
    }

    /**
     * A URL (or any text holding URLs, such as a driver's exception message) with passwords in
     * userinfo and password-like parameters replaced by {@code ***}.
     */
    public static String maskUrl(String text) {
        if (text == null) {
            return null;
        }
        // The values found are also masked wherever else the text repeats them: a driver quotes the
        // parts of the URL it could not use (PostgreSQL's "unknown host u:PASSWORD@db.example.jp").
        Set<String> values = new LinkedHashSet<>();
        Matcher userinfo = USERINFO.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (userinfo.find()) {
            values.add(userinfo.group(2));
            userinfo.appendReplacement(masked, Matcher.quoteReplacement(userinfo.group(1) + ":***@"));
        }
        userinfo.appendTail(masked);
        Matcher parameter = PARAMETER.matcher(masked.toString());
        StringBuilder out = new StringBuilder();
        while (parameter.find()) {
            boolean secret = SECRET_NAME.matcher(decoded(parameter.group(2)).strip()).matches();
            if (secret) {
                values.add(parameter.group(4));
            }
            parameter.appendReplacement(out, Matcher.quoteReplacement(secret
                    ? parameter.group(1) + parameter.group(2) + parameter.group(3) + "***" : parameter.group()));
        }
        parameter.appendTail(out);
        String result = out.toString();
        for (String value : values) {
            for (String form : new String[] {value, decoded(value)}) {
                if (form.length() >= SHORTEST_REPEATED && !form.equals("***")) {
                    result = result.replace(form, "***");
                }
            }
        }
        return result;
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a stray % is no encoding
        }
    }

    /**
     * A copy of {@code e} and its causes for a log: each message masked, the stack traces kept, so a
     * driver's exception that quotes the database URL can be logged whole without its password.
     */
    public static Throwable masked(Throwable e) {
        if (e == null) {
            return null;
        }
        Throwable copy = new MaskedException(e.getClass().getName() + ": " + maskUrl(e.getMessage()), masked(e.getCause()));
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** Stands for the original exception in a log; its message starts with the original's class. */
    private static final class MaskedException extends RuntimeException {
        MaskedException(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
