package dev.tayori.render;

/** A template that is missing or broken, with the file and line where FreeMarker found the problem. */
public class TemplateProblem extends RuntimeException {
    private final String file;
    private final int line;

    public TemplateProblem(String file, int line, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** file:line: message, the way compilers say it. */
    public String located() {
        return file + (line > 0 ? ":" + line : "") + ": " + getMessage();
    }
}
