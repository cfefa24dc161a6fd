package dev.tayori.web.admin;

import java.util.Map;

/**
 * The line an admin page shows after an action, chosen by the key in {@code ?done=}. Only these
 * fixed sentences are shown: a link cannot make the operator's own page say something of its choosing.
 */
final class Notices {
    private static final Map<String, String> BY_KEY = Map.of(
            "paused", "キャンペーンを一時停止しました。",
            "resumed", "キャンペーンを再開しました。",
            "scheduled", "配信を予約しました。",
            "sending-now", "今すぐ送信するよう予約しました。まもなく送信が始まります（配信の処理は1分ごとに動きます）。",
            "unscheduled", "配信の予約を取り消しました。",
            "not-unscheduled", "予約がないか、すでに配信が始まっているため、取り消せませんでした。",
            "unsubscribed", "この購読者への配信を停止しました。",
            "unbounced", "配信不能を取り消しました。この購読者に再び配信します。",
            "unbounce-needs-reason", "取り消す理由を1行（500文字まで）で入力してください。");

    private Notices() {
    }

    /** The sentence for a key; null for no key or one not in the list, which shows nothing. */
    static String of(String key) {
        return key == null ? null : BY_KEY.get(key);
    }
}
