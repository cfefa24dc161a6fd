package dev.tayori.tracking;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the http(s) links of one mail's parts behind /r/: the href of each {@code <a>} in the HTML,
 * and each URL in the plain text. Everything else is left as it was, byte for byte: other
 * attributes, mailto: links, and the links the caller keeps (the reader's unsubscribe link, which
 * must work without a detour, and tayori's own pages).
 */
final class LinkRewriter {
    /** An a element's href, quoted; group 3 is the value as written (entities and all). */
    private static final Pattern HREF = Pattern.compile("(<a\\b[^>]*?\\shref\\s*=\\s*)([\"'])(.*?)\\2",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** A URL in plain text: ASCII URL characters only, so a Japanese sentence around it is not taken in. */
    private static final Pattern TEXT_URL = Pattern.compile("https?://[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]+",
            Pattern.CASE_INSENSITIVE);

    private final String keepPrefix;

    /** @param keepPrefix links starting with this (tayori's own base URL) are never rewritten */
    LinkRewriter(String keepPrefix) {
        this.keepPrefix = keepPrefix;
    }

    /** @param tracked the /r/ URL for a link (as the reader would follow it, entities decoded) */
    String html(String html, Function<String, String> tracked) {
        Matcher m = HREF.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 256);
        while (m.find()) {
            String url = org.jsoup.parser.Parser.unescapeEntities(m.group(3), true).strip();
            String replacement = rewritten(url) ? m.group(1) + m.group(2) + tracked.apply(url) + m.group(2) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    String text(String text, Function<String, String> tracked) {
        Matcher m = TEXT_URL.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (m.find()) {
            String url = m.group();
            // a sentence's full stop or comma, or the bracket around a URL, belongs to the sentence
            String tail = "";
            while (!url.isEmpty() && (".,;:!?'".indexOf(url.charAt(url.length() - 1)) >= 0
                    || url.endsWith(")") && url.indexOf('(') < 0)) {
                tail = url.charAt(url.length() - 1) + tail;
                url = url.substring(0, url.length() - 1);
            }
            String replacement = rewritten(url) ? tracked.apply(url) + tail : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private boolean rewritten(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://")) && url.length() > "https://".length()
                && !url.startsWith(keepPrefix + "/");
    }
}
