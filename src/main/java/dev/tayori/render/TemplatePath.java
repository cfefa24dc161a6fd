package dev.tayori.render;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Template names as paths inside the templates folder. A name that would back out of it ("../"), or
 * be read as a file elsewhere ("/etc/passwd", "C:\...", "file:..."), is no template of tayori's.
 */
public final class TemplatePath {
    private TemplatePath() {
    }

    /**
     * {@code written} as a name inside templates/: relative to the folder of {@code from}, or to
     * templates/ when it starts with /. Null when it points outside the folder.
     */
    static String resolve(String from, String written) {
        String base = "";
        int slash = from == null ? -1 : from.lastIndexOf('/');
        if (!written.startsWith("/") && slash >= 0) {
            base = from.substring(0, slash + 1);
        }
        return normalise(base + written);
    }

    /** The path without "." and "..", or null if ".." would leave the folder. */
    static String normalise(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    /**
     * What is wrong with a campaign file's {@code template:} value, or null: it names the pair of files
     * NAME.ftlh and NAME.txt.ftl inside templates/, so it is a plain relative path without a suffix.
     */
    public static String problem(String name) {
        if (name.startsWith("/") || name.contains("\\") || name.contains(":")) {
            return "'" + name + "' is not a path inside the templates folder: write it relative to templates/ with"
                    + " forward slashes, like campaigns/workbook/lesson-1";
        }
        for (String part : name.split("/", -1)) {
            if (part.equals("..") || part.equals(".") || part.isEmpty()) {
                return "'" + name + "' points outside the templates folder or has an empty part: write it relative"
                        + " to templates/, like campaigns/workbook/lesson-1";
            }
        }
        if (name.endsWith(".ftlh") || name.endsWith(".ftl")) {
            return "write the template's name without .ftlh or .txt.ftl (both files are used): "
                    + name.replaceFirst("(\\.txt)?\\.ftlh?$", "");
        }
        return null;
    }
}
