package dev.tayori.config;

import java.util.Set;
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
    private static final Pattern USERINFO = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*:(?:[a-z0-9+.-]+:)?//[^/?#@\\s:]*):[^/?#\\s]*@");
    /** password=..., token=... as URL parameters (? & ;) or JDBC properties, up to the next separator. */
    private static final Pattern PARAMETER = Pattern.compile(
            "(?i)([?&;]\\s*(?:password|passwd|pwd|secret|token|access[_-]?token|api[_-]?key|key)\\s*=)[^&;#\\s]*");
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
        String masked = USERINFO.matcher(text).replaceAll("$1:***@");
        return PARAMETER.matcher(masked).replaceAll("$1***");
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
