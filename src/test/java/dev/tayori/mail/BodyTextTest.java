package dev.tayori.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A body spliced from shared pieces and a reader's values encodes exactly as the whole text would. */
class BodyTextTest {
    private static final String[] SAMPLES = {"", "a", "ab", "abc", "佐藤", "🌱", "x🌱", "こころの便り", "<p>", "\r\n",
        "https://letters.example.jp/unsubscribe/t0k3n", "本文です。".repeat(40)};

    private static String mimeBase64(String text) {
        return new String(Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encode(text.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.US_ASCII);
    }

    private static String written(BodyText body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeBase64(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void everySplitOfPiecesAndValuesEncodesAsTheJoinedText() {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            int values = random.nextInt(5);
            List<String> pieces = new ArrayList<>();
            String[] filled = new String[values];
            for (int i = 0; i <= values; i++) {
                pieces.add(SAMPLES[random.nextInt(SAMPLES.length)] + SAMPLES[random.nextInt(SAMPLES.length)]);
            }
            for (int i = 0; i < values; i++) {
                filled[i] = SAMPLES[random.nextInt(SAMPLES.length)];
            }
            BodyText body = BodyText.of(new BodyText.Shared(pieces), filled);
            assertEquals(mimeBase64(body.toString()), written(body), "pieces " + pieces + " values " + List.of(filled));
        }
    }

    @Test
    void aBodyWrittenWholeIsItsText() {
        BodyText body = BodyText.of("本文です。\n.ピリオドで始まる行\n");
        assertEquals("本文です。\n.ピリオドで始まる行\n", body.toString());
        assertEquals(mimeBase64(body.toString()), written(body));
    }

    @Test
    void theJoinedTextPutsEachValueBetweenItsPieces() {
        BodyText.Shared shared = new BodyText.Shared(List.of("<p>", "さん、こんにちは。</p><a href=\"", "\">配信停止</a>"));
        assertEquals("<p>花子さん、こんにちは。</p><a href=\"https://x.jp/u/1\">配信停止</a>",
                BodyText.of(shared, "花子", "https://x.jp/u/1").toString());
    }
}
