package dev.tayori.render;

import freemarker.core.ParseException;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * One version of the templates folder, read whole when it was loaded ({@link TemplateSnapshot}), with
 * its own caches (parsed templates, subjects, stencils): a newer version starts with empty ones, so
 * nothing made from an older file outlives its swap. {@link Templates} holds the live one.
 */
final class LoadedTemplates {
    private final Path dir;
    private final SandboxedFreemarker freemarker;
    private final java.util.Map<String, Template> inline = new java.util.concurrent.ConcurrentHashMap<>();
    private final Stencils stencils = new Stencils(this);

    LoadedTemplates(Path dir) {
        this.dir = dir;
        this.freemarker = new SandboxedFreemarker(dir);
    }

    java.util.List<String> names() {
        return freemarker.names();
    }

    /** Whether the template file was in the templates folder (a name backing out of it never is). */
    boolean exists(String name) {
        String inside = TemplatePath.normalise(name);
        return inside != null && !name.startsWith("/") && freemarker.holds(inside);
    }

    /**
     * Renders NAME.ftlh and NAME.txt.ftl with one model (from {@link MailModel}). The readers of one
     * mailing are filled into a stencil of it where that gives the same mail ({@link Stencils}).
     */
    RenderedMail renderMail(String subject, String name, Map<String, Object> model) {
        return stencils.renderMail(subject, name, model);
    }

    boolean filledFromStencil(String name, Map<String, Object> model) {
        return stencils.hasStencil(name, model);
    }

    /** How the file's output escapes what it prints (HTML for .ftlh, nothing for .txt.ftl). */
    freemarker.core.OutputFormat outputFormat(String file) {
        return load(file).getOutputFormat();
    }

    /** Renders one template file; a missing file or an error inside it becomes a located problem. */
    String render(String file, Map<String, Object> model) {
        Template template = load(file);
        try {
            return RenderLimits.render(location(template.getSourceName(), file), out -> template.process(model, out));
        } catch (TemplateException e) {
            if (e.getCause() instanceof TemplateProblem refused) {
                throw refused; // a template imported while rendering was refused: say where, not who imported it
            }
            throw new TemplateProblem(location(e.getTemplateSourceName(), file), lineOf(e.getLineNumber()),
                    firstLine(e.getMessageWithoutStackTop()), e);
        } catch (IOException e) {
            throw new TemplateProblem(path(file), 0, e.getMessage(), e);
        }
    }

    /**
     * Renders a short template given as text, such as a subject line from a campaign file; {@code where}
     * names it in error messages (e.g. campaigns/newsletter.yaml:6).
     */
    String renderInline(String where, String source, Map<String, Object> model) {
        if (isPlainText(source)) {
            return source; // a subject line without FreeMarker in it: every reader's is the text itself
        }
        try {
            // parsed once per (place, text): a mailing renders the same subject line for every reader
            Template template = inline.get(where + "\u0000" + source);
            if (template == null) {
                if (inline.size() > 256) {
                    inline.clear();
                }
                template = new Template(where, new java.io.StringReader(source), freemarker);
                freemarker.refuseForbidden(template, where);
                inline.put(where + "\u0000" + source, template);
            }
            Template parsed = template;
            return RenderLimits.render(where, out -> parsed.process(model, out));
        } catch (ParseException e) {
            throw new TemplateProblem(where, 0, firstLine(e.getEditorMessage()), e);
        } catch (TemplateProblem e) {
            throw e.file().equals(where) ? e : new TemplateProblem(where, 0, e.located(), e);
        } catch (TemplateException e) {
            if (e.getCause() instanceof TemplateProblem refused) {
                throw new TemplateProblem(where, 0, refused.located(), refused);
            }
            throw new TemplateProblem(where, 0, firstLine(e.getMessageWithoutStackTop()), e);
        } catch (IOException e) {
            throw new TemplateProblem(where, 0, e.getMessage(), e);
        }
    }

    /** How FreeMarker interpolations, directives, macro calls and comments begin, in either syntax. */
    private static final String[] FREEMARKER_STARTS = {"${", "#{", "<#", "</#", "[#", "[/#", "<@", "</@", "[@", "[/@", "[="};

    /** Text in which FreeMarker would find nothing to do: no interpolation, directive, macro or comment. */
    private static boolean isPlainText(String source) {
        for (String start : FREEMARKER_STARTS) {
            if (source.contains(start)) {
                return false;
            }
        }
        return true;
    }

    /** Parses a template without rendering it, to report syntax errors at load. */
    void check(String file) {
        load(file);
    }

    private Template load(String file) {
        try {
            return freemarker.getTemplate(file);
        } catch (TemplateNotFoundException e) {
            throw new TemplateProblem(path(file), 0, "template not found", e);
        } catch (ParseException e) {
            throw TemplateProblem.ofSyntax(e, location(e.getTemplateName(), file));
        } catch (freemarker.template.MalformedTemplateNameException e) {
            throw new TemplateProblem(path(file), 0, "not a template name inside the templates folder: "
                    + e.getMalformednessDescription(), e);
        } catch (IOException e) {
            throw new TemplateProblem(path(file), 0, "cannot read the template: " + e.getMessage(), e);
        }
    }

    private String location(String sourceName, String fallback) {
        return path(sourceName != null ? sourceName : fallback);
    }

    private String path(String name) {
        return freemarker.path(name);
    }

    private static int lineOf(Integer line) {
        return line == null ? 0 : line;
    }

    private static String firstLine(String message) {
        return TemplateProblem.oneLine(message);
    }
}
