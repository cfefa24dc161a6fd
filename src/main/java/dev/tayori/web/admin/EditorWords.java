package dev.tayori.web.admin;

import dev.tayori.authoring.LineDiff;
import dev.tayori.authoring.Revision;
import java.util.Map;

/**
 * The editor pages' Japanese words that come from Java (notices after an action, kinds of revision,
 * diff markers), in one place. Only these fixed sentences are shown for a {@code ?done=} key, as in
 * {@link Notices}: a link cannot make the page say something of its choosing.
 */
final class EditorWords {
    private static final Map<String, String> NOTICES = Map.of(
            "saved", "下書きを保存しました。読者には届きません。公開すると次の配信から使われます。",
            "published", "公開しました。次の配信からこの内容が使われます。すでに送ったメールは変わらず、もう一度送られることもありません。",
            "restored", "以前の版を復元し、新しい版として公開しました。",
            "file", "ファイルの内容に戻しました。次の配信からファイルのテンプレートが使われます。",
            "added", "レッスンを追加して公開しました。まだこの位置に来ていない読者には、順番が来たときに届きます。",
            "created", "お知らせを作成しました（第1版）。まだ誰にも送られていません。キャンペーンのページで配信を予約してください。");

    static final String SENT_MAIL_NEVER_CHANGES =
            "公開すると、次に送るメールからこの内容になります。すでに送ったメールは変わらず、もう一度送られることもありません。";

    private EditorWords() {
    }

    static String notice(String key) {
        return key == null ? null : NOTICES.get(key);
    }

    /** 「公開」「復元」「ファイルに戻す」 for the history table. */
    static String kind(Revision.Kind kind) {
        return switch (kind) {
            case PUBLISHED -> "公開";
            case RESTORED -> "復元";
            case FILE -> "ファイルに戻す";
        };
    }

    /** The text marker of a diff line, so the change does not rest on colour alone. */
    static String marker(LineDiff.Change change) {
        return switch (change) {
            case ADDED -> "＋ 追加";
            case REMOVED -> "− 削除";
            case SAME -> "　 同じ";
        };
    }

    static String cssClass(LineDiff.Change change) {
        return switch (change) {
            case ADDED -> "added";
            case REMOVED -> "removed";
            case SAME -> "same";
        };
    }
}
