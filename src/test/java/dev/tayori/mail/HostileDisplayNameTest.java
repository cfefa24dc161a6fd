package dev.tayori.mail;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.Snapshot;
import dev.tayori.TestWorld;
import dev.tayori.config.Sender;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names that try to be read as something else, read back with Jakarta Mail's own parser from the
 * bytes MessageBuilder writes: exactly one address, the reader's, and the name exactly as typed.
 */
class HostileDisplayNameTest {
    private static final String READER = "hanako@example.jp";
    private final MessageBuilder builder = new MessageBuilder(Clock.systemUTC());

    @TempDir
    static Path dir;
    static TestWorld world;

    @BeforeAll
    static void start() {
        world = new TestWorld(dir, tokyo(2026, 11, 23, 10, 0));
        world.app();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<String> names() {
        return Stream.of(
                "=?UTF-8?B?" + b64("Support <evil@attacker.example>") + "?=",
                "=?UTF-8?Q?evil=40attacker.example?=",
                "=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=",
                "Support <evil@attacker.example>",
                "evil@attacker.example",
                "Yamada, Hanako",
                "\"Hanako\" <x@attacker.example>",
                "back\\slash \"quote\" \\\"",
                "a;b:c, d@e",
                "half =? word",
                "(comment) Hanako",
                "x".repeat(100),
                "Hanako Yamada the very long name of someone who types everything into one field ok",
                "山田 <evil@attacker.example>, 花子",
                "花子=?UTF-8?B?" + b64("evil@attacker.example") + "?=",
                "🇯🇵".repeat(20),
                "👨‍👩‍👧".repeat(10),
                "👍🏽".repeat(20) + "花子",
                "🏴󠁧󠁢󠁥󠁮󠁧󠁿ジョン・スミス🏴󠁧󠁢󠁥󠁮󠁧󠁿");
    }

    private MimeMessage read(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    private byte[] mail(String senderName, String toName) {
        return builder.wire(new OutgoingMail(new Sender(senderName, "letters@example.jp", "東京都", "support@example.jp"),
                READER, toName, "件名", "<p>x</p>", "x", "<m@example.jp>", null, null)).bytes();
    }

    @ParameterizedTest
    @MethodSource("names")
    void aNameReadsBackAsTheReadersNameAndNeverAsAnotherAddress(String name) throws Exception {
        MimeMessage m = read(mail("こころの便り編集部", name));
        assertOneAddress(m.getRecipients(Message.RecipientType.TO), READER, name);
        String raw = m.getHeader("To", null);
        assertOneAddress(InternetAddress.parseHeader(MimeUtility.unfold(raw), true), READER, name);
        for (String line : new String(mail("x", name), StandardCharsets.US_ASCII).split("\r\n")) {
            assertTrue(line.length() <= 78, "folded: " + line);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void theSendersNameIsWrittenTheSameWay(String name) throws Exception {
        MimeMessage m = read(mail(name, ""));
        assertOneAddress(m.getFrom(), "letters@example.jp", name);
        assertEquals(READER, m.getHeader("To", null), "no name: the bare address");
    }

    private static void assertOneAddress(jakarta.mail.Address[] addresses, String address, String name) {
        assertEquals(1, addresses.length, "exactly one address");
        InternetAddress only = (InternetAddress) addresses[0];
        assertEquals(address, only.getAddress());
        assertEquals(name, only.getPersonal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"🇯🇵", "👍🏽", "👨‍👩‍👧", "👩🏻‍❤️‍💋‍👨🏿", "か\u3099"})
    void encodedWordsAreCutBetweenWholeEmojiNeverInsideOne(String cluster) throws Exception {
        String name = "あ" + cluster.repeat(30);
        Set<Integer> boundaries = new HashSet<>();
        Matcher graphemes = Pattern.compile("\\X").matcher(name);
        while (graphemes.find()) {
            boundaries.add(graphemes.end());
        }
        for (List<String> words : List.of(Subjects.words(name), Subjects.words(name, 70))) {
            assertTrue(words.size() > 1, "long enough to need several words");
            int at = 0;
            for (String word : words) {
                assertTrue(word.length() <= 75, word);
                at += MimeUtility.decodeWord(word).length();
                assertTrue(boundaries.contains(at), "cut inside a grapheme cluster at " + at);
            }
            assertEquals(name.length(), at);
        }
        InternetAddress to = (InternetAddress) read(mail("x", name)).getAllRecipients()[0];
        assertEquals(name, to.getPersonal());
        assertEquals(name, read(builder.wire(new OutgoingMail(new Sender("x", "letters@example.jp", "東京都", "s@example.jp"),
                READER, "", name, "<p>x</p>", "x", "<m@example.jp>", null, null)).bytes()).getSubject());
    }

    static Stream<Arguments> refusedNames() {
        return Stream.of(
                Arguments.of("花子\u0000", "control character (U+0000"),
                Arguments.of("花子\u0007さん", "control character (U+0007"),
                Arguments.of("花子\u007F", "control character (U+007F"),
                Arguments.of("花子\u009B", "control character (U+009B"),
                Arguments.of("花子\tさん", "control character (U+0009"),
                Arguments.of("花子\nBcc: victim@example.com", "line breaks"),
                Arguments.of("花子\u2028さん", "line breaks"),
                Arguments.of("\u202Emoc.elpmaxe@live", "invisible character (U+202E"),
                Arguments.of("花子\u202Aさん", "invisible character (U+202A"),
                Arguments.of("花子\u2066さん\u2069", "invisible character (U+2066"),
                Arguments.of("花\u200B子", "invisible character (U+200B"),
                Arguments.of("花\u200D子", "invisible character (U+200D"),
                Arguments.of("\uFEFF花子", "invisible character (U+FEFF"),
                Arguments.of("花子\uD800", "invisible character (U+D800"),
                Arguments.of("\u3164", "invisible character (U+3164"),
                Arguments.of("花子\u3164\u3164\u3164<admin@example.jp>", "invisible character (U+3164"),
                Arguments.of("\u2800\u2800", "invisible character (U+2800"),
                Arguments.of("あ".repeat(101), "longer than 100 characters"));
    }

    @ParameterizedTest
    @MethodSource("refusedNames")
    void aNameWithControlOrInvisibleCharactersIsRefusedAtTheCommandLineAndNothingIsWritten(String name, String words) {
        Snapshot before = Snapshot.of(world);
        TestWorld.CliResult pending = world.cli("subscribers", "add", "named@example.jp", "--name", name);
        assertEquals(2, pending.exitCode(), pending.err());
        assertTrue(pending.err().startsWith("error: the name") && pending.err().contains(words), pending.err());
        TestWorld.CliResult confirmed = world.cli("subscribers", "add", "named@example.jp", "--name", name,
                "--confirmed", "--consent-source", "paper form");
        assertEquals(2, confirmed.exitCode(), confirmed.err());
        assertEquals(before, Snapshot.of(world), "nothing recorded, nothing sent");
    }
}
