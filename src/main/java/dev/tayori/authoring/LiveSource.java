package dev.tayori.authoring;

/**
 * Where the words the next sends of a mail use come from: the campaign file's template, or the
 * browser's revision {@code revision}.
 */
public record LiveSource(Origin origin, int revision) {
    public enum Origin { FILE, BROWSER }

    static final LiveSource FILE = new LiveSource(Origin.FILE, 0);

    public boolean fromFile() {
        return origin == Origin.FILE;
    }

    /** 「ファイル」 or 「ブラウザ（第3版）」, for the editor's page. */
    public String japanese() {
        return fromFile() ? "ファイル" : "ブラウザ（第" + revision + "版）";
    }

    /** "file" or "browser revision 3", for the API and the command line. */
    public String english() {
        return fromFile() ? "file" : "browser revision " + revision;
    }
}
