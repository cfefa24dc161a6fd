package dev.tayori.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A campaign file's text, refused before YAML sees it when it is not what an editor saves: larger than
 * any campaign file needs (a wrong file, or /dev/zero), not UTF-8 (Shift_JIS from a Japanese Windows
 * editor would otherwise turn into mojibake subjects), or holding control characters.
 */
final class CampaignText {
    /** Campaign files are a few KB; anything near this is not one. */
    static final int SIZE_LIMIT = 1024 * 1024;

    private CampaignText() {
    }

    static Optional<String> read(Path file, List<CampaignProblem> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(CampaignProblem.at(file, 0, "is not a file (a folder or a device?): campaigns/ holds one .yaml file per campaign"));
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(SIZE_LIMIT + 1); // never more, whatever the file claims to be
        } catch (IOException e) {
            problems.add(CampaignProblem.at(file, 0, "cannot read the file: " + e.getMessage()));
            return Optional.empty();
        }
        if (bytes.length > SIZE_LIMIT) {
            problems.add(CampaignProblem.at(file, 0, "is larger than 1 MB; a campaign file is a few lines of settings"
                    + " (is this the right file?)"));
            return Optional.empty();
        }
        Optional<String> text = decode(file, bytes, problems);
        return text.filter(t -> controlCharacters(file, t, problems));
    }

    /** Strict UTF-8: the first byte that is not UTF-8 is reported with its line, never replaced by '?'. */
    private static Optional<String> decode(Path file, byte[] bytes, List<CampaignProblem> problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            problems.add(CampaignProblem.at(file, line, "this line is not UTF-8 text (saved as Shift_JIS?):"
                    + " save the file as UTF-8 in your editor"));
            return Optional.empty();
        }
        String text = out.flip().toString();
        // Windows editors put a byte-order mark first; it is not part of the settings
        return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** Control characters other than tab and line ends: never typed, often pasted from elsewhere. */
    private static boolean controlCharacters(Path file, String text, List<CampaignProblem> problems) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c != '\t' && c != '\r' && (c < 0x20 || (c >= 0x7F && c <= 0x9F))) {
                problems.add(CampaignProblem.at(file, line, String.format("this line has an invisible control character"
                        + " (U+%04X) that has no place in a campaign file: delete it", (int) c)));
                return false;
            }
        }
        return true;
    }
}
