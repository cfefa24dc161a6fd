package dev.tayori.dkim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** RFC 6376 section 3.4.5's own example of relaxed canonicalisation, and the body's edge cases. */
class RelaxedTest {
    @Test
    void headersAreLowerCasedUnfoldedAndTheirSpacesSqueezed() {
        assertEquals("a:X", Relaxed.header("A", " X"));
        assertEquals("b:Y Z", Relaxed.header("B ", " Y\t\r\n\tZ  "));
    }

    @Test
    void theBodyLosesTrailingSpacesAndEmptyLinesAndKeepsOneFinalCrlf() throws Exception {
        assertBody(" C\r\nD E\r\n", " C \r\nD \t E\r\n\r\n\r\n");
        assertBody("a\r\n\r\nb\r\n", "a\r\n \r\nb"); // a blank inner line stays, a last line is ended
        assertBody("", "\r\n\r\n"); // an empty body hashes as nothing
    }

    private static void assertBody(String canonical, String body) throws Exception {
        byte[] message = ("Subject: x\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(expected, Relaxed.bodyHash(message, "Subject: x\r\n\r\n".length()), body);
    }
}
