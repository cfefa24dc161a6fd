package dev.tayori.overview;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin pages' Japanese for states, kinds, delivery items, consent records and segments, all
 * from words_ja.properties beside this class: one place to read and change them. A code with no
 * entry (a state a later version adds) shows as itself rather than failing the page.
 */
public final class Words {
    private static final Properties JA = load();
    private static final Pattern STEP = Pattern.compile("step:(\\d+)(?:#(\\d+))?");
    private static final Pattern ISSUE = Pattern.compile("issue:(\\d+)");

    private Words() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Words.class.getResourceAsStream("words_ja.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The word for {@code group.code}, or the code itself when there is none. */
    public static String of(String group, String code) {
        return code == null ? "" : JA.getProperty(group + "." + code.replace(':', '.'), code);
    }

    private static String format(String key, Object... args) {
        return MessageFormat.format(JA.getProperty(key), args);
    }

    public static String kind(String kind) {
        return of("kind", kind);
    }

    public static String stage(AnnouncementStage stage) {
        return of("stage", stage.name());
    }

    /** What a delivery row carried: 「3日目」 for step:3, 「3日目（2回目）」 for step:3#2, 「第12号」 for issue:12. */
    public static String item(String itemKey) {
        Matcher step = STEP.matcher(itemKey);
        if (step.matches()) {
            return step.group(2) == null ? format("item.step", step.group(1))
                    : format("item.step.round", step.group(1), step.group(2));
        }
        Matcher issue = ISSUE.matcher(itemKey);
        if (issue.matches()) {
            return format("item.issue", issue.group(1));
        }
        return of("item", itemKey.startsWith("confirm:") ? "confirm" : itemKey);
    }

    /**
     * One consent record in words: 「フォームから申込」 (how, then what) for the sources tayori writes
     * itself; a source the operator typed (「セミナー申込用紙」) is kept as typed, after what happened.
     */
    public static String consent(String event, String source) {
        String what = of("consent", event);
        String how = JA.getProperty("source." + source);
        if (how == null && source != null && source.startsWith("api ")) {
            how = JA.getProperty("source.api");
        }
        if (how != null) {
            return how + what;
        }
        return source == null || source.isBlank() ? what : what + "（" + source + "）";
    }

    /** Where a consent came from: an IP address as it is, tayori's own markers in words. */
    public static String origin(String origin) {
        if (origin == null) {
            return "";
        }
        for (String prefix : new String[] {"api", "command line", "import", "unsubscribe", "admin page"}) {
            if (origin.equals(prefix)) {
                return JA.getProperty("origin." + prefix);
            }
            if (origin.startsWith(prefix + " ") || origin.startsWith(prefix + ": ")) {
                return JA.getProperty("origin." + prefix) + "（" + origin.substring(prefix.length()).replaceFirst("^:? ", "")
                        + "）";
            }
        }
        return origin;
    }

    /** A segment in words: 「購読者全員」, 「タグ「vip」の人」, 「2026年11月1日より前に登録した人」. */
    public static String segment(String segment) {
        if (segment.startsWith("tag:")) {
            return format("segment.tag", segment.substring(4));
        }
        if (segment.startsWith("confirmed-before:")) {
            try {
                return format("segment.confirmed-before",
                        JapaneseTime.day(java.time.LocalDate.parse(segment.substring("confirmed-before:".length()))));
            } catch (java.time.format.DateTimeParseException e) {
                return segment;
            }
        }
        return of("segment", segment);
    }
}
