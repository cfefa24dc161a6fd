package dev.tayori.render;

import freemarker.cache.TemplateNameFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.Version;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The one FreeMarker configuration of tayori, built so that a template can only print what its model
 * holds: it cannot create Java objects ({@code ?new}), reach Java methods ({@code ?api}, or any method
 * of an object in the model), or load a file outside the templates folder. These settings are the
 * second line; the first is {@link ForbiddenCode}, which refuses such a template when it is loaded,
 * with its file and line, before anything is rendered. Every template FreeMarker loads, including
 * those a template imports while it renders, comes through {@link #getTemplate} and is checked there.
 */
final class SandboxedFreemarker extends Configuration {
    private static final Version VERSION = Configuration.VERSION_2_3_34;

    private final Path dir;
    /** Templates already checked; FreeMarker makes a new instance when a file changes, which is checked again. */
    private final Set<Template> checked = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /** The templates this thread is checking now, so that two templates importing each other end. */
    private final ThreadLocal<Set<Template>> beingChecked = ThreadLocal.withInitial(java.util.HashSet::new);

    private final TemplateSnapshot files;

    SandboxedFreemarker(Path dir) {
        super(VERSION);
        this.dir = dir;
        try {
            // Read once: an edit on disk is seen only when checked and swapped in (Templates.adopt)
            files = new TemplateSnapshot(dir);
            setTemplateLoader(files);
            setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new TemplateProblem(dir.toString(), 0, "the templates folder cannot be read: " + e.getMessage(), e);
        }
        setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        setAPIBuiltinEnabled(false);
        // The models are maps, lists, text, numbers and yes/no: nothing a template needs a method of.
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(VERSION);
        wrapper.setExposureLevel(DefaultObjectWrapper.EXPOSE_NOTHING);
        setObjectWrapper(wrapper.build());
        // The stricter name rules: "../" cannot back out of templates/, and no "C:\" or "file:" names.
        setTemplateNameFormat(TemplateNameFormat.DEFAULT_2_4_0);
        // Columns as the operator's editor counts them, one per character, tabs included.
        setTabSize(1);
        // Numbers print as digits only: FreeMarker's default groups them ("1,000"), which broke every
        // link and form action built from an id of 1,000 or more (/admin/subscribers/1,000/...).
        setNumberFormat("computer");
        setDefaultEncoding("UTF-8");
        setOutputEncoding("UTF-8");
        setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        setLogTemplateExceptions(false);
        setWrapUncheckedExceptions(true);
        setFallbackOnNullLoopVariable(false);
        // Templates are not localised by file name (lesson-1_ja_JP.ftlh); without this every render
        // and every import of the layout looked for such variants first.
        setLocalizedLookup(false);
    }

    @Override
    public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding,
            boolean parseAsFTL, boolean ignoreMissing) throws IOException {
        Template template = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
        if (template != null && parseAsFTL) {
            refuseForbidden(template, path(template.getSourceName()));
        }
        return template;
    }

    /** Checks a template once; {@code where} names it in the error (a file, or a campaign file's line). */
    void refuseForbidden(Template template, String where) {
        if (checked.contains(template)) {
            return;
        }
        // One check at a time: the check also changes the template (interruption checks), and two threads
        // loading one new template at once must not walk its tree while the other changes it.
        synchronized (checked) {
            Set<Template> mine = beingChecked.get();
            if (checked.contains(template) || !mine.add(template)) {
                return; // checked, or importing itself (through another template): its check is under way
            }
            try {
                ForbiddenCode.Found found = ForbiddenCode.find(template, this);
                if (found != null) {
                    throw TemplateProblem.forbidden(where, found.line(), found.what());
                }
                // Loops and macro bodies then stop when RenderLimits interrupts a render that runs too long
                // (FreeMarker's own checks, as its online template tester uses them).
                freemarker.core._CoreAPI.addThreadInterruptedChecks(template);
                checked.add(template);
            } finally {
                mine.remove(template);
            }
        }
    }

    /** The files of the templates folder when it was read. */
    java.util.List<String> names() {
        return files.names();
    }

    /** Whether the templates folder held this file when it was read. */
    boolean holds(String name) {
        return files.holds(name);
    }

    /** The file of a template name, as the operator finds it on disk. */
    String path(String name) {
        return dir.resolve(name.startsWith("/") ? name.substring(1) : name).toString();
    }

}
