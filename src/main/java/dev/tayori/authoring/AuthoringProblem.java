package dev.tayori.authoring;

/**
 * One mistake in what the operator wrote, with its place: the field and, for the body, the line
 * (from 1; 0 when the whole field is meant). {@code detail} is the part quoted from the operator's
 * text (a link, a placeholder) and {@code suggestion} a "did you mean" candidate, both possibly
 * empty; the edge turns {@link Reason} into words ({@link Reason#japanese}, {@link Reason#english}).
 */
public record AuthoringProblem(Field field, int line, Reason reason, String detail, String suggestion) {
    /** Where the mistake is. */
    public enum Field {
        ID("id", "ID"), NAME("name", "名前"), SUBJECT("subject", "件名"), PREHEADER("preheader", "プレヘッダー"),
        BODY("body_markdown", "本文"), SEGMENT("segment", "配信先"), NOTE("note", "変更メモ"), REVISION("revision", "版");

        private final String apiName;
        private final String japanese;

        Field(String apiName, String japanese) {
            this.apiName = apiName;
            this.japanese = japanese;
        }

        /** The field's name in the API's JSON. */
        public String apiName() {
            return apiName;
        }

        public String japanese() {
            return japanese;
        }
    }

    public AuthoringProblem {
        detail = detail == null ? "" : detail;
        suggestion = suggestion == null ? "" : suggestion;
    }

    static AuthoringProblem of(Field field, int line, Reason reason) {
        return new AuthoringProblem(field, line, reason, "", "");
    }

    static AuthoringProblem of(Field field, int line, Reason reason, String detail) {
        return new AuthoringProblem(field, line, reason, detail, "");
    }

    /** 「本文 3行目: …」 for the admin pages. */
    public String japanese() {
        return field.japanese() + (line > 0 ? " " + line + "行目" : "") + ": " + reason.japanese(detail, suggestion);
    }

    /** "body_markdown line 3: …" for the API and the command line. */
    public String english() {
        return field.apiName() + (line > 0 ? " line " + line : "") + ": " + reason.english(detail, suggestion);
    }

    @Override
    public String toString() {
        return english();
    }
}
