package dev.tayori.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.config.Sender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mailing's readers are filled into a stencil of its template only where that gives, byte for byte,
 * the mail that rendering the template for each reader gives.
 */
class StencilsTest {
    private static final Sender SENDER = new Sender("こころの便り", "letters@example.jp", "東京都渋谷区", "support@example.jp");
    private static final List<String> NAMES = List.of("花子", "", "<b>&\"'", "🌱 Taro", "佐藤 太郎", "");

    @TempDir
    Path dir;

    private Templates templates(String html, String text) throws Exception {
        Files.writeString(dir.resolve("mail.ftlh"), html);
        Files.writeString(dir.resolve("mail.txt.ftl"), text);
        return new Templates(dir);
    }

    private static Map<String, Object> model(String name, int reader) {
        Map<String, Object> model = MailModel.of(SENDER, name, "reader" + reader + "@example.jp",
                "https://letters.example.jp/unsubscribe/token" + reader, "https://letters.example.jp", "");
        model.put("subject", (name.isEmpty() ? "" : name + "さんへ: ") + "講座のご案内");
        model.put("step", Map.of("number", 2, "total", 7));
        return model;
    }

    /** Sends the mailing to every name twice over and compares each mail with the template rendered whole. */
    private static void everyReaderGetsTheWholeRendering(Templates templates) {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < NAMES.size(); i++) {
                Map<String, Object> model = model(NAMES.get(i), i);
                RenderedMail mail = templates.renderMail((String) model.get("subject"), "mail", model);
                assertEquals(templates.render("mail.ftlh", model), mail.html(), "HTML for " + NAMES.get(i));
                assertEquals(templates.render("mail.txt.ftl", model), mail.text(), "text for " + NAMES.get(i));
            }
        }
    }

    @Test
    void aTemplateThatPrintsTheReadersValuesIsFilledInFromAStencil() throws Exception {
        Templates templates = templates("""
                <title>${subject}</title>
                <p><#if subscriber.name?has_content>${subscriber.name}さん、<#else>こんにちは。</#if>${step.number}日目です。</p>
                <p>${sender.name} (${subscriber.email})</p><a href="${unsubscribeUrl}">配信停止</a>
                """, """
                <#if subscriber.name?has_content>${subscriber.name}さん、</#if>${step.number}/${step.total}
                配信停止: ${unsubscribeUrl}
                """);
        everyReaderGetsTheWholeRendering(templates);
        assertTrue(templates.filledFromStencil("mail", model("花子", 0)), "readers with a name");
        assertTrue(templates.filledFromStencil("mail", model("", 1)), "readers without one");
    }

    static Stream<Arguments> templatesThatDoMoreThanPrintTheValues() {
        return Stream.of(
                Arguments.of("change the name", "<p>${subscriber.name?upper_case}</p>", "${subscriber.name?cap_first}"),
                Arguments.of("measure the name", "<p><#if subscriber.name?length gt 3>長いお名前</#if>${subscriber.name}</p>",
                        "${subscriber.name}"),
                Arguments.of("encode a link or print unescaped",
                        "<a href=\"https://x.jp/?to=${subscriber.email?url}\">${subscriber.name?no_esc}</a>",
                        "${subscriber.name}"));
    }

    @ParameterizedTest(name = "templates that {0} are rendered for each reader")
    @MethodSource("templatesThatDoMoreThanPrintTheValues")
    void aTemplateThatDoesMoreThanPrintTheValuesIsRenderedForEachReader(String what, String html, String text)
            throws Exception {
        Templates templates = templates(html, text);
        everyReaderGetsTheWholeRendering(templates);
        assertFalse(templates.filledFromStencil("mail", model("花子", 0)), what);
    }
}
