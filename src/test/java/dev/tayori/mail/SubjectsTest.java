package dev.tayori.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeUtility;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectsTest {
    @Test
    void aLongJapaneseSubjectWithEmojiSplitsIntoWordsOfAtMost75CharactersThatEachDecodeWhole() throws Exception {
        String subject = "【7日目】一週間をふりかえって、これからも続けたいことを見つけましょう🌱🌸あなたのペースで大丈夫です😊";
        List<String> words = Subjects.words(subject);
        assertTrue(words.size() > 2, "long enough to need several words");
        StringBuilder joined = new StringBuilder();
        for (String word : words) {
            assertTrue(word.length() <= 75, word.length() + " characters: " + word);
            String decoded = MimeUtility.decodeWord(word);
            assertFalse(decoded.contains("\uFFFD"), "each word holds whole characters: " + decoded);
            assertFalse(Character.isHighSurrogate(decoded.charAt(decoded.length() - 1)), "no split surrogate pair");
            joined.append(decoded);
        }
        assertEquals(subject, joined.toString());
        assertEquals(subject, MimeUtility.decodeText(Subjects.encode(subject)));
    }

    @Test
    void theFirstLineWithSubjectColonStaysWithin76Characters() {
        String header = "Subject: " + Subjects.encode("あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめも");
        for (String line : header.split("\r\n")) {
            assertTrue(line.length() <= 76, line);
        }
    }

    @Test
    void shortAsciiSubjectsAreLeftReadable() {
        assertEquals("Weekly letter", Subjects.encode("Weekly letter"));
    }
}
