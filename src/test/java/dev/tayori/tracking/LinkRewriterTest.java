package dev.tayori.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Which links of a mail go behind /r/, and that everything around them is left as it was. */
class LinkRewriterTest {
    private final LinkRewriter rewriter = new LinkRewriter("https://mail.example.jp");
    private final List<String> seen = new ArrayList<>();
    private final Function<String, String> tracked = url -> {
        seen.add(url);
        return "https://mail.example.jp/r/" + seen.size();
    };

    @Test
    void htmlAnchorsAreRewrittenWithTheirEntitiesDecodedAndOtherLinksAreLeftAsTheyAre() {
        String html = "<link href=\"https://cdn.example/x.css\"><p><a style=\"c\" href=\"https://kokoro.example.jp/a/?x=1&amp;y=2\">読む</a>"
                + "<a href='mailto:support@example.jp'>問い合わせ</a><a href=\"https://mail.example.jp/unsubscribe/T\">停止</a>"
                + "<A HREF=\"HTTP://old.example.jp/\">古い</A><a href=\"javascript:alert(1)\">x</a></p>";
        assertEquals("<link href=\"https://cdn.example/x.css\"><p><a style=\"c\" href=\"https://mail.example.jp/r/1\">読む</a>"
                + "<a href='mailto:support@example.jp'>問い合わせ</a><a href=\"https://mail.example.jp/unsubscribe/T\">停止</a>"
                + "<A HREF=\"https://mail.example.jp/r/2\">古い</A><a href=\"javascript:alert(1)\">x</a></p>",
                rewriter.html(html, tracked));
        assertEquals(List.of("https://kokoro.example.jp/a/?x=1&y=2", "HTTP://old.example.jp/"), seen);
    }

    @Test
    void textUrlsAreRewrittenWithoutTheJapaneseOrPunctuationAroundThem() {
        String text = "続きはこちら：https://kokoro.example.jp/a/?x=1&y=2。\n(https://kokoro.example.jp/b) と "
                + "https://kokoro.example.jp/c.\n配信停止\nhttps://mail.example.jp/unsubscribe/T\nmailto:a@example.jp";
        assertEquals("続きはこちら：https://mail.example.jp/r/1。\n(https://mail.example.jp/r/2) と "
                + "https://mail.example.jp/r/3.\n配信停止\nhttps://mail.example.jp/unsubscribe/T\nmailto:a@example.jp",
                rewriter.text(text, tracked));
        assertEquals(List.of("https://kokoro.example.jp/a/?x=1&y=2", "https://kokoro.example.jp/b",
                "https://kokoro.example.jp/c"), seen);
    }

    @Test
    void aTokenIsReadBackOnlyAsItWasMade() {
        ClickTokens tokens = new ClickTokens(new byte[32]);
        String token = tokens.token(42, 7);
        assertEquals(java.util.Optional.of(new ClickTokens.Target(42, 7)), tokens.read(token));
        assertEquals(java.util.Optional.empty(), tokens.read(token.replaceFirst("^42", "43")));
        assertEquals(java.util.Optional.empty(), new ClickTokens(new byte[] {1}).read(token), "another key");
        assertEquals(java.util.Optional.empty(), tokens.read("42.7"));
    }
}
