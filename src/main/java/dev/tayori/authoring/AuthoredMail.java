package dev.tayori.authoring;

import dev.tayori.render.RenderedMail;
import dev.tayori.render.Templates;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts checked words into the layout for authored mail (templates/layouts/authored.*), with the
 * reader's values from the model as every other mail has them. The parts of one mail and issue are
 * made once and shared by every reader of the mailing, so the layout's stencil sees one model.
 */
final class AuthoredMail {
    static final String LAYOUT = "layouts/authored";

    private final Templates templates;
    private final Map<PartsKey, Map<String, Object>> parts = new ConcurrentHashMap<>();

    private record PartsKey(MarkdownMail.Compiled compiled, Map<Placeholder, String> shared) {
    }

    AuthoredMail(Templates templates) {
        this.templates = templates;
    }

    /** Renders {@code compiled} for the reader of {@code model} (MailModel; with "issue" for a newsletter). */
    RenderedMail render(MarkdownMail.Compiled compiled, Map<String, Object> model) {
        Map<Placeholder, String> shared = shared(model);
        String subject = Placeholders.fill(compiled.subject(), readerName(model), shared).strip();
        Map<String, Object> withWords = new HashMap<>(model);
        withWords.put("subject", subject);
        withWords.put("authored", parts(compiled, shared));
        return templates.renderMail(subject, LAYOUT, withWords);
    }

    private Map<String, Object> parts(MarkdownMail.Compiled compiled, Map<Placeholder, String> shared) {
        if (parts.size() > 64) {
            parts.clear();
        }
        return parts.computeIfAbsent(new PartsKey(compiled, shared), k -> {
            Body outro = compiled.outro();
            boolean noOutro = outro == null || outro.renderedText().isBlank();
            return Map.of("preheader", compiled.preheader(),
                    "html", compiled.body().html(shared), "text", compiled.body().text(shared),
                    "outroHtml", noOutro ? List.of() : outro.html(shared),
                    "outroText", noOutro ? List.of() : outro.text(shared));
        });
    }

    /** The newsletter issue's number and date, the same for every reader of an issue. */
    private static Map<Placeholder, String> shared(Map<String, Object> model) {
        Map<Placeholder, String> shared = new EnumMap<>(Placeholder.class);
        if (model.get("issue") instanceof Map<?, ?> issue) {
            shared.put(Placeholder.NUMBER, String.valueOf(issue.get("number")));
            shared.put(Placeholder.DATE, String.valueOf(issue.get("date")));
        }
        return Map.copyOf(shared);
    }

    private static String readerName(Map<String, Object> model) {
        return model.get("subscriber") instanceof Map<?, ?> s && s.get("name") instanceof String name ? name : "";
    }
}
