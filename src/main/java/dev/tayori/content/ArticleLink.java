package dev.tayori.content;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one check every article link passes before it can become an {@code href} in mail: an absolute
 * http(s) address with a host, nothing else. Browsers forgive a lot ({@code java\tscript:} runs,
 * {@code //evil} takes the page's scheme, {@code https://blog@evil/} goes to evil), so this check
 * forgives nothing: a link that needs any of that forgiveness is refused with the reason, and the
 * accepted link comes back normalised (scheme and host in lower case, IDN hosts as xn--, non-ASCII
 * path characters percent-encoded) so every mail client reads the same address.
 */
public final class ArticleLink {
    /** Longer links are cut or refused by some mail clients and carriers; no real article needs more. */
    public static final int MAX_LENGTH = 2000;
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final String BREAKS_ATTRIBUTES = "\"<>\\`";

    private ArticleLink() {
    }

    /**
     * The link as it may go out, or a {@link ContentException} whose message is the reason alone
     * (the caller names the article). A relative link is resolved against {@code base}, the feed's
     * own address; with no base (article files) it is refused.
     */
    public static String accept(String raw, URI base) {
        if (raw == null || raw.isBlank()) {
            throw new ContentException("it has no link");
        }
        // Surrounding white space is how feeds are indented; inside a link it is a trick or a typo.
        String link = raw.strip();
        if (link.length() > MAX_LENGTH) {
            throw new ContentException("its link is " + link.length() + " characters long; at most " + MAX_LENGTH
                    + " are accepted");
        }
        for (int i = 0; i < link.length(); i++) {
            char c = link.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT) {
                throw new ContentException("its link " + Shown.of(link) + " has a space, tab, line break or invisible"
                        + " control character at position " + (i + 1) + "; a link must be one unbroken address");
            }
            if (BREAKS_ATTRIBUTES.indexOf(c) >= 0) {
                throw new ContentException("its link " + Shown.of(link) + " has the character " + c
                        + ", which does not belong in an address");
            }
        }
        Matcher scheme = SCHEME.matcher(link);
        if (!scheme.find()) {
            return relative(link, base);
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        if (!name.equals("http") && !name.equals("https")) {
            throw new ContentException("its link " + Shown.of(link) + " is a " + name + ": link; only http:// and"
                    + " https:// article addresses are accepted");
        }
        String rest = link.substring(scheme.end());
        if (!rest.startsWith("//")) {
            throw new ContentException("its link " + Shown.of(link) + " has no // after " + name + ":; write it as "
                    + name + "://host/path");
        }
        return absolute(name, rest.substring(2), link);
    }

    private static String relative(String link, URI base) {
        if (link.startsWith("//")) {
            throw new ContentException("its link " + Shown.of(link) + " is protocol-relative (it starts with //);"
                    + " write the whole address, https://…");
        }
        if (base == null) {
            throw new ContentException("its link " + Shown.of(link) + " is not a whole address; write it with"
                    + " https:// and the blog's host");
        }
        try {
            URI root = base.getRawPath() == null || base.getRawPath().isEmpty() ? base.resolve("/") : base;
            return accept(root.resolve(new URI(link)).toString(), null);
        } catch (URISyntaxException e) {
            throw new ContentException("its link " + Shown.of(link) + " is not a valid address: " + e.getReason());
        }
    }

    /** {@code afterSlashes} is what follows "scheme://": authority, then path, query and fragment. */
    private static String absolute(String scheme, String afterSlashes, String link) {
        int end = 0;
        while (end < afterSlashes.length() && "/?#".indexOf(afterSlashes.charAt(end)) < 0) {
            end++;
        }
        String authority = afterSlashes.substring(0, end);
        if (authority.contains("@")) {
            // https://blog.example.jp@evil.example/ shows the blog's name and goes to evil.example.
            throw new ContentException("its link " + Shown.of(link) + " has a user name or password before @, which"
                    + " hides the real host; such links are refused");
        }
        String host = authority;
        String port = "";
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]")) {
            host = authority.substring(0, colon);
            port = authority.substring(colon);
        }
        if (host.isEmpty()) {
            throw new ContentException("its link " + Shown.of(link) + " has no host after " + scheme + "://");
        }
        try {
            // A Japanese domain name (IDN) goes out as its xn-- form: what the link really opens.
            host = host.startsWith("[") ? host : IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new ContentException("its link " + Shown.of(link) + " has a host that is not a valid domain name");
        }
        URI uri;
        try {
            uri = new URI(scheme + "://" + host + port + afterSlashes.substring(end));
        } catch (URISyntaxException e) {
            throw new ContentException("its link " + Shown.of(link) + " is not a valid address: " + e.getReason());
        }
        if (uri.getHost() == null || uri.getPort() > 65535 || (!port.isEmpty() && uri.getPort() < 0)) {
            throw new ContentException("its link " + Shown.of(link) + " has no valid host and port");
        }
        String out = uri.toASCIIString();
        if (out.length() > MAX_LENGTH) {
            throw new ContentException("its link is " + out.length() + " characters long once encoded; at most "
                    + MAX_LENGTH + " are accepted");
        }
        return out;
    }
}
