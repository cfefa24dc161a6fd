package dev.tayori.content;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress shortcodes left in an article's markup ({@code [caption ...]...[/caption]}, {@code [embed]},
 * {@code [gallery ids="1,2"]}) are markup, not text. Those that wrap media or captions go with what
 * they wrap (a caption describes a photo the excerpt does not show); any other shortcode tag goes and
 * its inner text stays (a theme's {@code [box]...[/box]} wraps body text). A shortcode is an ASCII
 * lower-case name in square brackets, as WordPress registers them; 【注】 or [PR] are text.
 */
final class Shortcodes {
    private static final Set<String> WITH_CONTENT = Set.of("caption", "wp_caption", "embed", "video", "audio",
            "playlist", "gallery", "code", "sourcecode", "toc");
    private static final Pattern TAG = Pattern.compile("\\[(/?)([a-z][a-z0-9_-]*)(\\s[^\\[\\]]*)?/?\\]");

    private Shortcodes() {
    }

    static String strip(String html) {
        if (html.indexOf('[') < 0) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length());
        Matcher tag = TAG.matcher(html);
        int from = 0;
        while (tag.find(from)) {
            out.append(html, from, tag.start());
            from = tag.end();
            String name = tag.group(2);
            if (tag.group(1).isEmpty() && WITH_CONTENT.contains(name)) {
                int close = html.indexOf("[/" + name + "]", from);
                if (close >= 0) {
                    from = close + name.length() + 3;
                }
            }
        }
        return out.append(html.substring(from)).toString();
    }
}
