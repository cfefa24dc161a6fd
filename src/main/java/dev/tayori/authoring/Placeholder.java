package dev.tayori.authoring;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the editor's buttons insert between {{ and }}. {@code {{name|読者さま}}} is the reader's name,
 * or the words after | for a reader who gave none; the newsletter's words may also use the issue's
 * number and date, and {@code {{articles}}} on a line of its own says where the excerpts go.
 */
public enum Placeholder {
    NAME("name"), NUMBER("number"), DATE("date"), ARTICLES("articles");

    private final String key;

    Placeholder(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    static Optional<Placeholder> of(String key) {
        for (Placeholder p : values()) {
            if (p.key.equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The placeholders a field of a mail may use. */
    static Set<Placeholder> allowed(boolean newsletter, boolean body) {
        Set<Placeholder> allowed = newsletter ? EnumSet.of(NAME, NUMBER, DATE) : EnumSet.of(NAME);
        if (newsletter && body) {
            allowed.add(ARTICLES);
        }
        return allowed;
    }
}
