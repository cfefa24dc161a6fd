package dev.tayori.authoring;

/**
 * Why what the operator wrote was refused: the key the edges choose words by. The words for both
 * languages live here, in one place; {@code %s} is the quoted detail, and a suggestion adds
 * "did you mean".
 */
public enum Reason {
    SUBJECT_EMPTY("the subject is empty", "件名を入力してください"),
    SUBJECT_LINE_BREAK("the subject must be one line", "件名は1行で入力してください（改行は使えません）"),
    SUBJECT_TOO_LONG("the subject is longer than 200 characters", "件名は200文字以内にしてください"),
    PREHEADER_LINE_BREAK("the preheader must be one line", "プレヘッダーは1行で入力してください"),
    PREHEADER_TOO_LONG("the preheader is longer than 200 characters", "プレヘッダーは200文字以内にしてください"),
    HIDDEN_CHARACTER("has an invisible character in it (%s): readers would see something else than you wrote; delete it",
            "見えない文字（%s）が入っています。読者には書いたものと違って見えるので、消してください"),
    CONTROL_CHARACTER("has a control character in it (%s); delete it", "制御文字（%s）が入っています。消してください"),
    BODY_EMPTY("the body is empty", "本文を入力してください"),
    BODY_TOO_LONG("the body is longer than 100,000 characters", "本文は10万文字以内にしてください"),
    RAW_HTML("HTML tags are not used in mail written here (%s); write it in Markdown, e.g. **bold** or [text](https://…)",
            "HTMLタグは使えません（%s）。太字は **文字**、リンクは [文字](https://…) のように書いてください"),
    LINK_REFUSED("the link %s is refused: only whole https:// or http:// addresses and mailto: are accepted",
            "リンク %s は使えません。https:// から始まる完全なアドレスか mailto: を書いてください"),
    IMAGE_REFUSED("the image address %s is refused: only whole https:// or http:// addresses are accepted",
            "画像のアドレス %s は使えません。https:// から始まる完全なアドレスを書いてください"),
    PLACEHOLDER_IN_LINK("a placeholder cannot be part of a link address (%s)", "リンクのアドレスの中に差し込み（%s）は使えません"),
    PLACEHOLDER_UNKNOWN("unknown placeholder %s", "%s という差し込みはありません"),
    PLACEHOLDER_BROKEN("the placeholder %s is not closed with }}", "差し込み %s が }} で閉じられていません"),
    PLACEHOLDER_NOT_HERE("the placeholder %s cannot be used here", "差し込み %s はここでは使えません"),
    ARTICLES_NOT_ALONE("{{articles}} must stand alone on its line, once", "{{articles}} は1回だけ、1行に単独で書いてください"),
    BUTTON_MISPLACED("{.button} must follow a link on a line of its own: [申し込む](https://…){.button}",
            "{.button} はリンクのすぐ後ろに、その行だけで書いてください（例：[申し込む](https://…){.button}）"),
    BOX_UNCLOSED("the box opened here is not closed: end it with a line :::",
            "ここで始めた囲み（:::box）が閉じられていません。最後に ::: だけの行を書いてください"),
    BOX_STRAY("::: here closes no box; a box starts with :::box", "この ::: に対応する :::box がありません"),
    BOX_NESTED("a box cannot be inside another box", "囲みの中に囲みは入れられません"),
    ID_INVALID("the id %s must be 1 to 60 lower-case letters, digits and hyphens, starting with a letter or digit",
            "ID %s は半角の小文字英字・数字・ハイフンで60文字以内にしてください（先頭は英字か数字）"),
    ID_IN_USE("the id %s is already used by another campaign", "ID %s はすでに使われています"),
    NAME_EMPTY("the name is empty or longer than 100 characters", "名前を100文字以内で入力してください"),
    SEGMENT_INVALID("the segment %s is not one of all, tag:NAME or confirmed-before:YYYY-MM-DD (a day of the years 2000 to 2100)",
            "配信先 %s は使えません。all、tag:タグ名、confirmed-before:2026-11-01（2000年から2100年までの日付）のどれかにしてください"),
    NO_SUCH_MAIL("there is no mail %s", "メール %s はありません"),
    NO_SUCH_REVISION("there is no revision %s", "版 %s はありません"),
    NO_DRAFT("there is no draft to publish", "公開する下書きがありません"),
    NO_FILE("%s was written in the browser and has no file version", "%s はブラウザで作ったメールなので、ファイルの版はありません"),
    NOTE_TOO_LONG("the note is longer than 500 characters", "変更メモは500文字以内にしてください");

    private final String english;
    private final String japanese;

    Reason(String english, String japanese) {
        this.english = english;
        this.japanese = japanese;
    }

    public String english(String detail, String suggestion) {
        return String.format(english, detail) + (suggestion.isEmpty() ? "" : " (did you mean " + suggestion + "?)");
    }

    public String japanese(String detail, String suggestion) {
        return String.format(japanese, detail) + (suggestion.isEmpty() ? "" : "（" + suggestion + " のことですか？）");
    }
}
