package dev.tayori.web;

import dev.tayori.mail.InvalidAddressException;
import dev.tayori.subscriber.ReaderName;

/**
 * The Japanese words a page shows for an address or a name it cannot take: what to fix, in the
 * reader's terms. The domain exceptions carry a key; the words for people live here, in one place.
 */
public final class SignUpWords {
    private SignUpWords() {
    }

    public static String address(InvalidAddressException.Reason reason) {
        return switch (reason) {
            case EMPTY -> "メールアドレスを入力してください。";
            case CONTROL_CHARACTER -> "メールアドレスに改行や目に見えない文字が含まれています。もう一度入力してください。";
            case TOO_LONG -> "メールアドレスが長すぎます（254文字まで）。";
            case NO_AT -> "メールアドレスに「@」がありません。hanako@example.jp のように入力してください。";
            case NOTHING_BEFORE_AT -> "「@」の前の部分を入力してください（例: hanako@example.jp）。";
            case NO_DOMAIN -> "「@」の後ろにドメイン名を入力してください（例: hanako@example.jp の example.jp）。";
            case MORE_THAN_ONE_AT -> "「@」は1つだけにしてください。";
            case LOCAL_PART_TOO_LONG -> "「@」の前の部分が長すぎます（64文字まで）。";
            case NOT_HALF_WIDTH -> "メールアドレスは半角英数字で入力してください。";
            case SPACE -> "メールアドレスの途中にスペースが入っています。スペースを消してください。";
            case SYMBOL -> "「@」の前に、メールアドレスに使えない記号が含まれています。";
            case DOTS -> "「.」（ドット）を先頭や「@」の直前に置いたり、2つ続けたりすることはできません。";
            case DOMAIN -> "「@」の後ろのドメイン名が正しくありません。example.jp のように入力してください。";
        };
    }

    public static String name(ReaderName.Problem problem) {
        return switch (problem) {
            case LINE_BREAK -> "お名前に改行は使えません。1行で入力してください。";
            case CONTROL_CHARACTER -> "お名前に使えない制御文字が含まれています。もう一度入力してください。";
            case INVISIBLE_CHARACTER -> "お名前に目に見えない文字（文字の向きを変える記号など）が含まれています。もう一度入力してください。";
            case UNREADABLE -> "お名前の文字を読み取れませんでした（文字化け）。もう一度入力してください。";
            case TOO_LONG -> "お名前は" + ReaderName.LIMIT + "文字までで入力してください。";
        };
    }
}
