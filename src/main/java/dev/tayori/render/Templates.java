package dev.tayori.render;

import java.nio.file.Path;
import java.util.Map;

/**
 * The operator's FreeMarker templates. A mail is a pair: NAME.ftlh (HTML, auto-escaped, so a
 * subscriber's name cannot inject markup) and NAME.txt.ftl (the plain-text alternative).
 *
 * <p>The files are read whole when loaded; an edit on disk is not seen until a newer {@code Templates}
 * of the folder has been checked and {@link #adopt adopted}. Each call works on one version of the
 * files, so the HTML and text parts of a mail, and a mail and the templates it imports, never mix two.
 */
public final class Templates {
    public static final String HTML = ".ftlh";
    public static final String TEXT = ".txt.ftl";

    private final Path dir;
    private volatile LoadedTemplates live;

    /** Reads the folder; a folder that cannot be read is a {@link TemplateProblem}. */
    public Templates(Path dir) {
        this.dir = dir;
        this.live = new LoadedTemplates(dir);
    }

    public Path dir() {
        return dir;
    }

    /**
     * Makes {@code newer}'s version of the files the one this object renders from, at once for every
     * later call (a call under way finishes with the version it started with).
     */
    public void adopt(Templates newer) {
        this.live = newer.live;
    }

    /** Every template file (.ftlh, .ftl) the folder held when this version was read, sorted. */
    public java.util.List<String> names() {
        return live.names().stream().filter(n -> n.endsWith(".ftlh") || n.endsWith(".ftl")).toList();
    }

    /** Whether the template file was in the templates folder (a name backing out of it never is). */
    public boolean exists(String name) {
        return live.exists(name);
    }

    /**
     * Renders NAME.ftlh and NAME.txt.ftl with one model (from {@link MailModel}). The readers of one
     * mailing are filled into a stencil of it where that gives the same mail ({@link Stencils}).
     */
    public RenderedMail renderMail(String subject, String name, Map<String, Object> model) {
        return live.renderMail(subject, name, model);
    }

    /** For tests: whether this template's mail, for this model's mailing, now comes from a stencil. */
    boolean filledFromStencil(String name, Map<String, Object> model) {
        return live.filledFromStencil(name, model);
    }

    /** How the file's output escapes what it prints (HTML for .ftlh, nothing for .txt.ftl). */
    freemarker.core.OutputFormat outputFormat(String file) {
        return live.outputFormat(file);
    }

    /** Renders one template file; a missing file or an error inside it becomes a located problem. */
    public String render(String file, Map<String, Object> model) {
        return live.render(file, model);
    }

    /**
     * Renders a short template given as text, such as a subject line from a campaign file; {@code where}
     * names it in error messages (e.g. campaigns/newsletter.yaml:6).
     */
    public String renderInline(String where, String source, Map<String, Object> model) {
        return live.renderInline(where, source, model);
    }

    /** Parses a template without rendering it, to report syntax errors at load. */
    public void check(String file) {
        live.check(file);
    }
}
