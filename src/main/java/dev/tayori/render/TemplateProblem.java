package dev.tayori.render;

/** A template that is missing or broken, with the file and line where FreeMarker found the problem. */
public class TemplateProblem extends RuntimeException {
    private final String file;
    private final int line;
    private final boolean forbidden;

    public TemplateProblem(String file, int line, String message, Throwable cause) {
        this(file, line, message, cause, false);
    }

    private TemplateProblem(String file, int line, String message, Throwable cause, boolean forbidden) {
        super(message, cause);
        this.file = file;
        this.line = line;
        this.forbidden = forbidden;
    }

    /** A template refused for what it uses (ForbiddenCode), not for a mistake in it. */
    static TemplateProblem forbidden(String file, int line, String message) {
        return new TemplateProblem(file, line, message, null, true);
    }

    /** Whether this, or the problem it reports on, is a template refused for what it uses. */
    public boolean forbidden() {
        return forbidden || getCause() instanceof TemplateProblem p && p.forbidden();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** A template FreeMarker cannot parse, at the line it stopped. */
    static TemplateProblem ofSyntax(freemarker.core.ParseException e, String file) {
        return new TemplateProblem(file, e.getLineNumber(), oneLine(e.getEditorMessage()), e);
    }

    /** FreeMarker's message up to its tips, on one line: what is wrong, not how FreeMarker got there. */
    static String oneLine(String message) {
        if (message == null) {
            return "template error";
        }
        String text = message.strip();
        int tips = text.indexOf("\n----");
        if (tips >= 0) {
            text = text.substring(0, tips);
        }
        return text.replaceAll("\\s*\\n\\s*", " ").strip();
    }

    /** file:line: message, the way compilers say it. */
    public String located() {
        return file + (line > 0 ? ":" + line : "") + ": " + getMessage();
    }
}
