package dev.tayori.render;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Renders a mailing's mail once and fills each reader in, where that gives exactly what rendering
 * per reader would. A template earns a stencil the second time it is rendered with the same shared
 * model (the same lesson, issue or announcement), so one-off mail is rendered as before.
 *
 * <p>A template qualifies when it prints each reader's value as it is: it is rendered with two sets
 * of marks that differ in length, case and characters the HTML escaping changes, and both must cut
 * into the same pieces; a value the template transforms or measures leaves a mark behind or cuts
 * differently. Empty values (a reader without a name, for whom {@code <#if subscriber.name?has_content>}
 * takes the other branch) get their own stencil. The first reader's mail is also rendered whole and
 * compared before the stencil is used for anyone.
 */
final class Stencils {
    /** Private-use characters: they pass through HTML escaping unchanged and appear in no template. */
    private static final char MARK_LOW = '\uE000';
    private static final char MARK_HIGH = '\uE003';
    /**
     * Templates never change under a stencil (a newer version of the files gets new stencils), so
     * this only bounds how long a model no mailing uses any more is kept.
     */
    private static final long LIFETIME_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final Object SEEN = new Object();
    private static final Object WHOLE = new Object();

    private final LoadedTemplates templates;
    private final Map<Key, Entry> known = new ConcurrentHashMap<>();

    Stencils(LoadedTemplates templates) {
        this.templates = templates;
    }

    private record Key(String template, Map<String, Object> shared, int emptyFields) {
    }

    private record Entry(Object value, long madeAt) {
    }

    RenderedMail renderMail(String subject, String name, Map<String, Object> model) {
        String[] values = MailModel.readerValues(model);
        if (values == null) {
            return whole(subject, name, model);
        }
        Key key = new Key(name, MailModel.shared(model), emptyFields(values));
        long now = System.nanoTime();
        Entry entry = known.get(key);
        if (entry != null && now - entry.madeAt() > LIFETIME_NANOS) {
            entry = null;
        }
        if (entry != null && entry.value() instanceof Stencil stencil) {
            return stencil.fill(subject, values);
        }
        RenderedMail whole = whole(subject, name, model);
        if (entry == null) {
            if (known.size() > 256) {
                known.clear();
            }
            known.put(key, new Entry(SEEN, now));
        } else if (entry.value() == SEEN) {
            Stencil stencil = cut(name, model, values);
            boolean same = stencil != null && sameText(stencil.fill(subject, values), whole);
            known.put(key, new Entry(same ? stencil : WHOLE, now));
        }
        return whole;
    }

    private RenderedMail whole(String subject, String name, Map<String, Object> model) {
        return new RenderedMail(subject, templates.render(name + Templates.HTML, model),
                templates.render(name + Templates.TEXT, model));
    }

    /** The template cut at the reader's fields, or null when it does not print them as they are. */
    private Stencil cut(String name, Map<String, Object> model, String[] values) {
        String[] first = new String[values.length];
        String[] second = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!values[i].isEmpty()) {
                first[i] = "\uE000" + (char) ('a' + i) + "\uE001";
                second[i] = "\uE002<&\"' " + (char) ('A' + i) + "xyz\uE003";
            }
        }
        UnaryOperator<String> htmlEscape = Stencil.escaper(templates.outputFormat(name + Templates.HTML));
        UnaryOperator<String> textEscape = Stencil.escaper(templates.outputFormat(name + Templates.TEXT));
        Stencil.Cut html = cut(name + Templates.HTML, model, first, second, htmlEscape);
        Stencil.Cut text = cut(name + Templates.TEXT, model, first, second, textEscape);
        return html == null || text == null ? null : new Stencil(html, text, htmlEscape, textEscape);
    }

    private Stencil.Cut cut(String file, Map<String, Object> model, String[] first, String[] second,
            UnaryOperator<String> escape) {
        Stencil.Cut a = Stencil.Cut.of(templates.render(file, MailModel.withReaderValues(model, first)), first, escape,
                MARK_LOW, MARK_HIGH);
        Stencil.Cut b = Stencil.Cut.of(templates.render(file, MailModel.withReaderValues(model, second)), second, escape,
                MARK_LOW, MARK_HIGH);
        return a != null && a.sameAs(b) ? a : null;
    }

    private static int emptyFields(String[] values) {
        int mask = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i].isEmpty()) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    private static boolean sameText(RenderedMail a, RenderedMail b) {
        return a.html().equals(b.html()) && a.text().equals(b.text());
    }

    /** For tests: whether mail of this template and shared model is now filled in from a stencil. */
    boolean hasStencil(String name, Map<String, Object> model) {
        String[] values = MailModel.readerValues(model);
        if (values == null) {
            return false;
        }
        Entry entry = known.get(new Key(name, MailModel.shared(model), emptyFields(values)));
        return entry != null && entry.value() instanceof Stencil;
    }
}
