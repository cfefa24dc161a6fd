package dev.tayori.authoring;

import dev.tayori.authoring.AuthoringProblem.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds {@code {{…}}} in the operator's text, refuses broken and unknown ones with their line, and
 * stands each one in with a token of private-use characters before the Markdown is parsed. The
 * tokens pass through the parser and the HTML escaping unchanged, so the rendered parts can be cut
 * at them afterwards, whatever Markdown surrounds a placeholder.
 */
final class Placeholders {
    /** Characters removed from what the operator types (MailSource) and used here as marks. */
    static final char RESERVED_LOW = '\uE000';
    static final char RESERVED_HIGH = '\uE01F';
    static final char OPEN = '\uE010';
    static final char CLOSE = '\uE011';

    /** One placeholder as written: what it stands for and the words for a reader without a name. */
    record Use(Placeholder placeholder, String fallback) {
    }

    /** Text with tokens {@code OPEN index CLOSE} where the placeholders were, and what each index is. */
    record Tokenized(String text, List<Use> uses) {
    }

    private Placeholders() {
    }

    /**
     * Replaces the placeholders of {@code text} (lines numbered from {@code firstLine}) by tokens.
     * Problems are added, and the placeholder in question left as text.
     */
    static Tokenized tokenize(String text, int firstLine, Field field, Set<Placeholder> allowed,
            List<AuthoringProblem> problems) {
        List<Use> uses = new ArrayList<>();
        StringBuilder out = new StringBuilder(text.length());
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int lineNumber = field == Field.BODY ? firstLine + n : 0;
            int from = 0;
            while (true) {
                int open = line.indexOf("{{", from);
                if (open < 0) {
                    out.append(line, from, line.length());
                    break;
                }
                out.append(line, from, open);
                int close = line.indexOf("}}", open + 2);
                if (close < 0) {
                    String shown = line.substring(open, Math.min(line.length(), open + 20));
                    problems.add(AuthoringProblem.of(field, lineNumber, Reason.PLACEHOLDER_BROKEN, shown));
                    out.append(line, open, line.length());
                    break;
                }
                String written = line.substring(open, close + 2);
                Use use = use(written, field, lineNumber, allowed, problems);
                if (use == null) {
                    out.append(written);
                } else {
                    out.append(OPEN).append(uses.size()).append(CLOSE);
                    uses.add(use);
                }
                from = close + 2;
            }
            if (n < lines.length - 1) {
                out.append('\n');
            }
        }
        return new Tokenized(out.toString(), uses);
    }

    private static Use use(String written, Field field, int line, Set<Placeholder> allowed, List<AuthoringProblem> problems) {
        String inner = written.substring(2, written.length() - 2);
        int bar = inner.indexOf('|');
        String key = (bar < 0 ? inner : inner.substring(0, bar)).strip();
        String fallback = bar < 0 ? "" : inner.substring(bar + 1).strip();
        var placeholder = Placeholder.of(key);
        if (placeholder.isEmpty()) {
            String nearest = nearest(key, allowed);
            problems.add(new AuthoringProblem(field, line, Reason.PLACEHOLDER_UNKNOWN, written,
                    nearest == null ? "" : "{{" + nearest + (bar < 0 ? "" : "|" + fallback) + "}}"));
            return null;
        }
        if (!allowed.contains(placeholder.get())) {
            problems.add(AuthoringProblem.of(field, line, Reason.PLACEHOLDER_NOT_HERE, written));
            return null;
        }
        return new Use(placeholder.get(), fallback);
    }

    /** The allowed key closest to a mistyped one, if it is close enough to be what was meant. */
    private static String nearest(String key, Set<Placeholder> allowed) {
        return dev.tayori.config.Suggestions.nearest(key.toLowerCase(java.util.Locale.ROOT),
                allowed.stream().map(Placeholder::key).toList()).orElse(null);
    }

    /**
     * A one-line field (a subject) with its placeholders filled in for one reader: the name or the
     * fallback, and the shared values. Only called on text that passed {@link #tokenize}.
     */
    static String fill(String line, String name, Map<Placeholder, String> shared) {
        Tokenized tokenized = tokenize(line, 0, Field.SUBJECT, java.util.EnumSet.allOf(Placeholder.class), new ArrayList<>());
        StringBuilder out = new StringBuilder();
        cut(tokenized.text(), tokenized.uses(), new Sink() {
            @Override
            public void text(String text) {
                out.append(text);
            }

            @Override
            public void placeholder(Use use) {
                out.append(use.placeholder() == Placeholder.NAME ? (name == null || name.isEmpty() ? use.fallback() : name)
                        : shared.getOrDefault(use.placeholder(), ""));
            }
        });
        return out.toString();
    }

    /** Receives rendered output cut at the tokens. */
    interface Sink {
        void text(String text);

        void placeholder(Use use);
    }

    /** Walks {@code rendered}, handing the text between tokens and each token's placeholder to {@code sink}. */
    static void cut(String rendered, List<Use> uses, Sink sink) {
        int from = 0;
        while (true) {
            int open = rendered.indexOf(OPEN, from);
            int close = open < 0 ? -1 : rendered.indexOf(CLOSE, open);
            if (open < 0 || close < 0) {
                sink.text(rendered.substring(from));
                return;
            }
            sink.text(rendered.substring(from, open));
            sink.placeholder(uses.get(Integer.parseInt(rendered.substring(open + 1, close))));
            from = close + 1;
        }
    }
}
