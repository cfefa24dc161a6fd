package dev.tayori.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.config.Sender;
import dev.tayori.render.MailModel;
import dev.tayori.render.RenderedMail;
import dev.tayori.render.Templates;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** One Markdown source, two parts: what a reader's mail client shows, and what is refused at save. */
class MarkdownMailTest {
    static final Sender SENDER = new Sender("こころの便り編集部", "letters@example.jp", "〒150-0001 東京都渋谷区神宮前1-2-3",
            "support@example.jp");
    final AuthoredMail renderer = new AuthoredMail(new Templates(Path.of("templates")));

    static final String BODY = """
            {{name|読者さま}}さん、こんにちは。
            いつもありがとうございます。

            # 講座のご案内

            1月の講座は**少人数**です。詳しくは[講座のページ](https://kokoro.example.jp/course/)をご覧ください。

            :::box 講座の概要
            - 日程：毎週土曜
            - 形式：オンライン
            :::

            [申し込む](https://kokoro.example.jp/apply?from=mail&x=1){.button}

            お会いできるのを楽しみにしています。この一文はとても長い日本語の文で、携帯電話の画面では端末が自分で折り返すので、メールの側で改行を入れてはいけません。
            """;

    private RenderedMail render(MailSource source, String name) {
        MarkdownMail.Checked checked = MarkdownMail.check(source, false);
        assertEquals(List.of(), checked.problems());
        Map<String, Object> model = MailModel.of(SENDER, name, "hanako@example.jp", "https://mail.example.jp/unsubscribe/T",
                "https://mail.example.jp", "");
        return renderer.render(checked.compiled(), model);
    }

    private static List<AuthoringProblem> problems(String body) {
        return MarkdownMail.check(new MailSource("件名", "", body), false).problems();
    }

    @Test
    void theHtmlPartHasAStyledButtonAStyledBoxHeadingsAndListsInsideTheSharedLayout() {
        RenderedMail mail = render(new MailSource("【ご案内】{{name|読者さま}}さんへ", "先行予約のお知らせです", BODY), "花子");
        Document html = Jsoup.parse(mail.html());
        Element button = html.selectFirst("a[href=https://kokoro.example.jp/apply?from=mail&x=1]");
        assertNotNull(button, mail.html());
        assertEquals("申し込む", button.text());
        assertTrue(button.attr("style").contains("display:inline-block") && button.attr("style").contains("background:"),
                "the button is a link styled inline: " + button.attr("style"));
        Element box = html.selectFirst("div[style*=background:#f0f5f2]");
        assertNotNull(box, "the box is a tinted block");
        assertEquals("講座の概要", box.selectFirst("p").text());
        assertEquals(List.of("日程：毎週土曜", "形式：オンライン"), box.select("li").eachText());
        assertTrue(box.selectFirst("ul").hasAttr("style"));
        Element heading = html.selectFirst("h1");
        assertEquals("講座のご案内", heading.text());
        assertTrue(heading.attr("style").contains("font-size"), "styles are inline, not classes");
        assertTrue(html.select("[class]").isEmpty(), "no CSS classes, which mail clients drop");
        assertEquals("花子さん、こんにちは。", html.select("p").first().text().replace("いつもありがとうございます。", "").strip());
        assertNotNull(html.selectFirst("p br"), "a line break in a paragraph stays a line break");
        assertEquals("先行予約のお知らせです", html.selectFirst("div[style*=display:none]").text(), "the hidden preheader");
        assertEquals("【ご案内】花子さんへ", mail.subject());
        assertTrue(mail.html().contains("〒150-0001") && mail.html().contains("https://mail.example.jp/unsubscribe/T"),
                "the shared footer with the postal address and the unsubscribe link");
    }

    @Test
    void theTextPartMarksHeadingsPutsLinksOnTheirOwnLineAndDoesNotWrapJapanese() {
        String text = render(new MailSource("件名", "", BODY), "花子").text();
        assertTrue(text.startsWith("花子さん、こんにちは。\nいつもありがとうございます。\n\n【講座のご案内】\n\n"), text);
        assertTrue(text.contains("講座のページ\nhttps://kokoro.example.jp/course/\nをご覧ください。"), text);
        assertTrue(text.contains(TextPart.BOX_RULE + "\n■ 講座の概要\n\n・日程：毎週土曜\n・形式：オンライン\n" + TextPart.BOX_RULE), text);
        assertTrue(text.contains("▶ 申し込む\nhttps://kokoro.example.jp/apply?from=mail&x=1\n\n"), text);
        assertTrue(text.contains("お会いできるのを楽しみにしています。この一文はとても長い日本語の文で、携帯電話の画面では端末が自分で折り返すので、メールの側で改行を入れてはいけません。"),
                "a long Japanese line is one line: " + text);
        assertFalse(text.contains("**") || text.contains("{.button}") || text.contains(":::"), text);
        assertTrue(text.contains("■配信停止"), "the layout's text footer");
    }

    @Test
    void theNamePlaceholderFallsBackForAReaderWithoutANameAndIsEmptyWithoutFallback() {
        MailSource source = new MailSource("{{name}}さんへ", "", "{{name|読者さま}}さん、{{ name }}。");
        RenderedMail nameless = render(source, "");
        assertTrue(nameless.text().startsWith("読者さまさん、。"), nameless.text());
        assertEquals("さんへ", nameless.subject());
        RenderedMail named = render(source, "<b>太郎</b>");
        assertTrue(named.text().startsWith("<b>太郎</b>さん、<b>太郎</b>。"), "text as is: " + named.text());
        assertTrue(named.html().contains("&lt;b&gt;太郎&lt;/b&gt;さん、"), "a reader's name is escaped in HTML");
    }

    @Test
    void templateSyntaxAndScriptsInTheOperatorsTextArriveAsPlainText() {
        String body = "こんにちは ${subscriber.email} と <#assign x = 1> と `<script>`\n\n&lt;b&gt; [[x]]";
        MarkdownMail.Checked checked = MarkdownMail.check(new MailSource("${x} <#if>", "", body), false);
        assertEquals(List.of(), checked.problems(), "<#assign> is no HTML tag to CommonMark: text, as ${ is");
        Map<String, Object> model = MailModel.of(SENDER, "花子", "hanako@example.jp", "https://mail.example.jp/unsubscribe/T",
                "https://mail.example.jp", "");
        RenderedMail mail = renderer.render(checked.compiled(), model);
        assertEquals("${x} <#if>", mail.subject());
        Document html = Jsoup.parse(mail.html());
        assertTrue(html.select("script").isEmpty());
        String paragraph = html.select("p").first().text();
        assertEquals("こんにちは ${subscriber.email} と <#assign x = 1> と <script>", paragraph);
        assertFalse(mail.html().contains("hanako@example.jp</p>"), "never evaluated as FreeMarker");
        assertTrue(mail.text().contains("${subscriber.email}") && mail.text().contains("<#assign x = 1>"), mail.text());
    }

    @Test
    void rawHtmlIsRefusedWithItsLineAndEscapedInAPreview() {
        List<AuthoringProblem> problems = problems("一行目\n\n<script>alert(1)</script>\n\n本文に <b>太字</b>");
        assertEquals(List.of(3, 5), problems.stream().map(AuthoringProblem::line).toList(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.reason() == Reason.RAW_HTML && p.field() == AuthoringProblem.Field.BODY));
        assertTrue(problems.get(0).japanese().startsWith("本文 3行目: HTMLタグは使えません"), problems.get(0).japanese());
        MarkdownMail.Checked checked = MarkdownMail.check(new MailSource("件名", "", "<script>alert(1)</script>"), false);
        assertFalse(checked.compiled().body().renderedHtml().contains("<script>"));
    }

    @Test
    void linksOtherThanWholeHttpAddressesAndMailtoAreRefusedWithTheirLine() {
        List<AuthoringProblem> problems = problems("""
                [ok](https://example.jp/) [mail](mailto:support@example.jp)
                [bad](javascript:alert(1))
                [bad](JAVASCRIPT:alert(1))
                [rel](/path)
                ![img](data:image/png;base64,xxxx)
                [](//evil.example/)

                [x]: javascript:alert(1)
                [ref][x]
                """);
        assertEquals(List.of(2, 3, 4, 5, 6, 9), problems.stream().map(AuthoringProblem::line).toList(), problems.toString());
        assertEquals(Reason.IMAGE_REFUSED, problems.get(3).reason());
        assertTrue(problems.get(0).english().contains("javascript:alert(1)"), problems.get(0).english());
        assertEquals(List.of(), problems("[記事](https://例え.jp/記事)"), "an IDN and Japanese path are accepted (and encoded)");
    }

    @Test
    void unknownAndBrokenPlaceholdersAreRefusedWithTheLineAndDidYouMean() {
        List<AuthoringProblem> problems = problems("一行目\n{{nmae}}さん\n三行目 {{name|\n{{number}}");
        assertEquals(3, problems.size(), problems.toString());
        assertEquals(Reason.PLACEHOLDER_UNKNOWN, problems.get(0).reason());
        assertEquals(2, problems.get(0).line());
        assertEquals("{{name}}", problems.get(0).suggestion());
        assertTrue(problems.get(0).english().contains("did you mean {{name}}"), problems.get(0).english());
        assertTrue(problems.get(0).japanese().contains("{{name}} のことですか"), problems.get(0).japanese());
        assertEquals(Reason.PLACEHOLDER_BROKEN, problems.get(1).reason());
        assertEquals(3, problems.get(1).line());
        assertEquals(Reason.PLACEHOLDER_NOT_HERE, problems.get(2).reason(), "{{number}} is the newsletter's");
        List<AuthoringProblem> subject = MarkdownMail.check(new MailSource("{{nam}}さん", "{{name}}", "本文"), false).problems();
        assertEquals(List.of(AuthoringProblem.Field.SUBJECT, AuthoringProblem.Field.PREHEADER),
                subject.stream().map(AuthoringProblem::field).toList(), subject.toString());
    }

    @Test
    void misplacedButtonsAndUnbalancedBoxesAreRefusedWithTheirLine() {
        List<AuthoringProblem> problems = problems("""
                文の途中の[リンク](https://example.jp/){.button}です
                :::box
                中身
                :::box
                入れ子
                :::
                :::
                :::box
                閉じない
                """);
        assertEquals(List.of(Reason.BUTTON_MISPLACED, Reason.BOX_NESTED, Reason.BOX_STRAY, Reason.BOX_UNCLOSED),
                problems.stream().map(AuthoringProblem::reason).toList(), problems.toString());
        assertEquals(List.of(1, 4, 7, 8), problems.stream().map(AuthoringProblem::line).toList());
    }

    @Test
    void theNewslettersWordsGoAroundTheExcerptsAtTheArticlesLine() {
        MailSource words = new MailSource("こころの便り 第{{number}}号", "", "{{name|}}おはようございます。\n\n{{articles}}\n\nまた次号で。");
        MarkdownMail.Checked checked = MarkdownMail.check(words, true);
        assertEquals(List.of(), checked.problems());
        Map<String, Object> model = MailModel.of(SENDER, "花子", "hanako@example.jp", "https://mail.example.jp/unsubscribe/T",
                "https://mail.example.jp", "");
        model.put("issue", FileStart.sampleIssue());
        RenderedMail mail = renderer.render(checked.compiled(), model);
        assertEquals("こころの便り 第12号", mail.subject());
        String text = mail.text();
        int hello = text.indexOf("花子おはようございます。");
        int article = text.indexOf("■ （記事のタイトル）");
        int bye = text.indexOf("また次号で。");
        assertTrue(hello >= 0 && hello < article && article < bye, text);
        assertTrue(mail.html().indexOf("続きを読む") < mail.html().indexOf("また次号で。"));
        assertEquals(Reason.PLACEHOLDER_NOT_HERE, problems("{{articles}}").get(0).reason(), "only the newsletter has articles");
        assertNull(MarkdownMail.check(new MailSource("s", "", "本文"), true).compiled().outro());
    }
}
