package dev.tayori.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the campaign and template folders hold, as names, sizes and modification times: reading it
 * costs one directory walk and no file contents, so it can be taken every minute. Polling works on
 * every file system, where change notification (inotify) misses edits on NFS and in Docker bind mounts.
 * A save that keeps a file's size and lands in the same tick of the file system's clock goes unseen
 * until the next edit; editors change the size or the time almost always.
 */
public record FolderFingerprint(List<String> entries) {
    public static FolderFingerprint of(Path... dirs) {
        List<String> entries = new ArrayList<>();
        for (Path dir : dirs) {
            entries.add("#" + dir);
            if (!Files.isDirectory(dir)) {
                entries.add("missing");
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path path : walk.sorted().toList()) {
                    entries.add(entry(dir, path));
                }
            } catch (IOException | UncheckedIOException e) {
                // a folder that cannot be walked now: differs from any readable state, so it is loaded
                // (and its problem reported) once, and again when it can be read
                entries.add("unreadable: " + e.getMessage());
            }
        }
        return new FolderFingerprint(List.copyOf(entries));
    }

    private static String entry(Path dir, Path path) {
        String name = dir.relativize(path).toString();
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return name + "\t" + attributes.size() + "\t" + attributes.lastModifiedTime().toMillis()
                    + "\t" + attributes.lastModifiedTime().toInstant().getNano();
        } catch (IOException e) {
            return name + "\tunreadable"; // a link to nothing, or a file removed while walking
        }
    }
}
