package dev.tayori.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rendered body, HTML and text, with a token where each placeholder was. {@link #html} and
 * {@link #text} cut it into the parts the layout prints: {@code {"html": …}} / {@code {"text": …}}
 * for the operator's words (printed as they are, never parsed as a template) and
 * {@code {"fallback": …}} where the reader's name goes. The layout prints the name itself, as
 * FreeMarker prints any reader's value, so a mailing's stencil still applies.
 */
record Body(String renderedHtml, String renderedText, List<Placeholders.Use> uses) {
    /** The HTML parts, with the number and date (shared by every reader) filled in. */
    List<Map<String, String>> html(Map<Placeholder, String> shared) {
        return parts(renderedHtml, shared, "html", true);
    }

    List<Map<String, String>> text(Map<Placeholder, String> shared) {
        return parts(renderedText, shared, "text", false);
    }

    private List<Map<String, String>> parts(String rendered, Map<Placeholder, String> shared, String key, boolean escape) {
        List<Map<String, String>> parts = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        Placeholders.cut(rendered, uses, new Placeholders.Sink() {
            @Override
            public void text(String text) {
                pending.append(text);
            }

            @Override
            public void placeholder(Placeholders.Use use) {
                if (use.placeholder() != Placeholder.NAME) {
                    String value = shared.getOrDefault(use.placeholder(), "");
                    pending.append(escape ? org.jsoup.nodes.Entities.escape(value) : value);
                    return;
                }
                parts.add(Map.of(key, pending.toString()));
                pending.setLength(0);
                parts.add(Map.of("fallback", use.fallback()));
            }
        });
        parts.add(Map.of(key, pending.toString()));
        return List.copyOf(parts);
    }
}
