package dev.tayori.web;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.Snapshot;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public sign-up form over real HTTP, as a stranger fills it in: names that would break a mail
 * or trick a reader are refused in Japanese with nothing recorded; what a stranger typed never
 * reaches an address nobody confirmed; addresses typed in full width or in another case are one reader.
 */
class HostileSubscribeFormTest {
    @TempDir
    Path dir;
    WebWorld web;

    @BeforeEach
    void start() throws Exception {
        web = new WebWorld(dir, tokyo(2026, 11, 23, 10, 0), false);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private static String form(String email, String name) {
        return "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    /** Refused: 400, the Japanese words on the form, and no row, no mail. */
    private void assertRefused(String email, String name, String words) throws Exception {
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> page = web.post("/subscribe", form(email, name));
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("role=\"alert\"") && page.body().contains(words), page.body());
        Thread.sleep(300); // a mail would go out on a background thread
        assertEquals(before, Snapshot.of(web.world), "nothing recorded, nothing sent");
    }

    static Stream<Arguments> refusedNames() {
        return Stream.of(
                Arguments.of("花子\u0000", "制御文字"),
                Arguments.of("花子\u001B[31m", "制御文字"),
                Arguments.of("花子\u007F", "制御文字"),
                Arguments.of("花子\u0085", "制御文字"),
                Arguments.of("花子\nBcc: victim@example.com", "改行"),
                Arguments.of("\u202Egnp.exe", "目に見えない文字"),
                Arguments.of("花子\u2067さん", "目に見えない文字"),
                Arguments.of("花\u200B子", "目に見えない文字"),
                Arguments.of("あ".repeat(101), "100文字まで"),
                Arguments.of("😀".repeat(101), "100文字まで"));
    }

    @ParameterizedTest
    @MethodSource("refusedNames")
    void aNameWithControlOrInvisibleCharactersIsRefusedInJapanese(String name, String words) throws Exception {
        assertRefused("hanako@example.jp", name, words);
    }

    static Stream<Arguments> refusedAddresses() {
        return Stream.of(
                Arguments.of("", "メールアドレスを入力してください"),
                Arguments.of("はなこ@example.jp", "半角英数字で入力してください"),
                Arguments.of("hanako@", "「@」の後ろにドメイン名を入力してください"),
                Arguments.of("hanako.example.jp", "「@」がありません"),
                Arguments.of("a@b@example.jp", "「@」は1つだけ"),
                Arguments.of("taro..yamada.@example.jp", "2つ続けたり"),
                Arguments.of("hana ko@example.jp", "スペース"),
                Arguments.of("hanako@example", "ドメイン名が正しくありません"),
                Arguments.of("x@example.jp\r\nBcc: victim@example.com", "改行"),
                Arguments.of("<hanako@example.jp>", "使えない記号"));
    }

    @ParameterizedTest
    @MethodSource("refusedAddresses")
    void aWrongAddressIsRefusedSayingInJapaneseWhatToFix(String email, String words) throws Exception {
        assertRefused(email, "花子", words);
    }

    @Test
    void theConfirmationMailCarriesNothingTheStrangerTypedAsTheName() throws Exception {
        String name = "=?UTF-8?B?" + Base64.getEncoder().encodeToString("格安 http://spam.example".getBytes(StandardCharsets.UTF_8))
                + "?= 今すぐ http://spam.example を開いて";
        assertEquals(200, web.post("/subscribe", form("hanako@example.jp", name)).statusCode());
        web.awaitMail(1);
        MimeMessage confirmation = web.world.received().get(0);
        for (String part : new String[] {MailParts.subject(confirmation), MailParts.text(confirmation),
                MailParts.html(confirmation), MailParts.header(confirmation, "To")}) {
            assertFalse(part.contains("spam.example") || part.contains("=?UTF-8?B?"), part);
        }
        InternetAddress to = (InternetAddress) confirmation.getRecipients(Message.RecipientType.TO)[0];
        assertNull(to.getPersonal(), "no name in To: until the address is confirmed");
        assertEquals(name, web.world.app().subscribers().byEmail("hanako@example.jp").name(), "the name is kept for later");

        String confirm = WebWorld.link(MailParts.text(confirmation), "confirm").substring(web.base.length());
        assertEquals(200, web.post(confirm, "").statusCode());
        web.awaitMail(2);
        jakarta.mail.Address[] lesson1 = web.world.received().get(1).getRecipients(Message.RecipientType.TO);
        assertEquals(1, lesson1.length, "once confirmed, the name reads as the reader's name and nothing else");
        assertEquals("hanako@example.jp", ((InternetAddress) lesson1[0]).getAddress());
        assertEquals(name, ((InternetAddress) lesson1[0]).getPersonal());
    }

    @Test
    void aFullWidthAddressIsAcceptedAndStoredHalfWidth() throws Exception {
        assertEquals(200, web.post("/subscribe", form("　ｈａｎａｋｏ１２＠ｅｘａｍｐｌｅ．ｊｐ　", "花子")).statusCode());
        web.awaitMail(1);
        assertEquals("hanako12@example.jp", web.world.app().subscribers().byEmail("hanako12@example.jp").email());
        assertEquals("hanako12@example.jp", MailParts.to(web.world.received().get(0)));
    }

    @Test
    void signingUpAgainInAnotherCaseGivesTheSamePageAndKeepsOneRow() throws Exception {
        HttpResponse<String> first = web.post("/subscribe", form("Jiro@Example.JP", ""));
        web.awaitMail(1);
        Thread.sleep(500); // the sent mail's row is marked sent just after the server has it
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> second = web.post("/subscribe", form("jiro@example.jp", ""));
        assertEquals(200, second.statusCode());
        assertEquals(first.body(), second.body(), "the page tells a stranger nothing about who is subscribed");
        Thread.sleep(300);
        assertEquals(before, Snapshot.of(web.world), "one reader, one row, one confirmation within ten minutes");
        assertEquals("Jiro@Example.JP", web.world.app().subscribers().byEmail("JIRO@EXAMPLE.JP").email(),
                "the reader's own spelling is kept, and mail goes to it");
        assertEquals("Jiro@Example.JP", MailParts.to(web.world.received().get(0)));
    }

    @Test
    void theApiRefusesAnInvisibleCharacterInANameAndWritesNothing() throws Exception {
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> r = web.http.send(HttpRequest.newBuilder(URI.create(web.base + "/api/subscribers"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + WebWorld.API_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"api@example.jp\",\"name\":\"\\u202Eabc\"}"))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("invisible character (U+202E"), r.body());
        assertEquals(before, Snapshot.of(web.world));
    }

    /**
     * A blog page in Shift_JIS (or a form copied into one) sends the name percent-encoded in Shift_JIS;
     * decoded as UTF-8 it became "����" and was stored and mailed so. Now it is refused as 文字化け.
     */
    @ParameterizedTest
    @ValueSource(strings = {"%8D%B2%93%A1", "Ren%E9", "%FF%FE", "%EF%BF%BD"})
    void aNameSentInAnotherEncodingThanUtf8IsRefusedNotStoredAsBrokenCharacters(String encodedName) throws Exception {
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> page = web.post("/subscribe", "email=mojibake%40example.jp&name=" + encodedName);
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("role=\"alert\"") && page.body().contains("文字化け"), page.body());
        Thread.sleep(300); // a mail would go out on a background thread
        assertEquals(before, Snapshot.of(web.world), "nothing recorded, nothing sent");
    }

    /** A script posting two addresses (or two names) signs up neither: the first and the last differ. */
    @ParameterizedTest
    @ValueSource(strings = {"email=a%40example.jp&email=b%40example.jp", "email=a%40example.jp&name=x&name=y",
            "email=a%40example.jp&email=a%40example.jp"})
    void aFieldGivenTwiceIsRefusedAndNobodyIsSignedUp(String form) throws Exception {
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> page = web.post("/subscribe", form);
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("1つずつ入力してください"), page.body());
        Thread.sleep(300); // a mail would go out on a background thread
        assertEquals(before, Snapshot.of(web.world), "nothing recorded, nothing sent");
    }
}
