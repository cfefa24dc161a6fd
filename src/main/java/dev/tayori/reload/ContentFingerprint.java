package dev.tayori.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 of what the campaign files and templates say: each file's path inside its folder and its
 * bytes, in name order. Two nodes with equal fingerprints send the same mail; unlike
 * {@link FolderFingerprint} (names, sizes, times: what changed here since the last look), this one
 * compares across machines, where copies of the same files have other modification times.
 *
 * <p>Only what is loaded counts: campaign files are the *.yaml and *.yml directly in the campaigns
 * folder. Hidden files and editor backups (.lesson-1.ftlh.swp, lesson-1.ftlh~) are left out, so an
 * editor left open on one node does not look like different mail.
 */
public record ContentFingerprint(String hex) {
    /** Taken from the folders, before they are loaded (as FolderFingerprint is). */
    public static ContentFingerprint of(Path campaignsDir, Path templatesDir) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
        add(sha, "campaigns", campaignsDir, false);
        add(sha, "templates", templatesDir, true);
        return new ContentFingerprint(HexFormat.of().formatHex(sha.digest()));
    }

    /** The first 12 hex digits: enough to tell versions apart on a screen. */
    public String shortForm() {
        return hex.substring(0, 12);
    }

    private static void add(MessageDigest sha, String label, Path dir, boolean deep) {
        sha.update((label + "\0").getBytes(StandardCharsets.UTF_8));
        if (!Files.isDirectory(dir)) {
            sha.update("missing\0".getBytes(StandardCharsets.UTF_8));
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = deep ? Files.walk(dir) : Files.list(dir)) {
            files = walk.filter(Files::isRegularFile).filter(p -> loaded(dir, p, deep)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            // differs from every readable state; the loader reports the folder's problem itself
            sha.update(("unreadable " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
            return;
        }
        for (Path file : files) {
            String name = dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                bytes = ("unreadable " + e.getMessage()).getBytes(StandardCharsets.UTF_8);
            }
            sha.update((name + "\0").getBytes(StandardCharsets.UTF_8));
            // the length first, so that no file's end can be read as the next file's name
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
            sha.update(bytes);
        }
    }

    private static boolean loaded(Path dir, Path file, boolean deep) {
        for (Path part : dir.relativize(file)) {
            String s = part.toString();
            if (s.startsWith(".") || s.endsWith("~")) {
                return false;
            }
        }
        return deep || file.getFileName().toString().matches(".*\\.ya?ml");
    }
}
