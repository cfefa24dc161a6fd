package dev.tayori.render;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.TemplateLoader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every file of the templates folder, read once when the templates are loaded. Rendering never reads
 * the disk again, so an edit on disk reaches readers only after it was checked and swapped in
 * ({@code Templates.adopt}): a broken edit cannot go out between two checks, and the HTML and text
 * parts of one mail always come from the same version of the files.
 *
 * <p>Each file is found through FreeMarker's own {@link FileTemplateLoader}, which refuses a file a
 * link inside the folder points to outside it; that refusal is kept and given again when the template
 * is asked for, as it would have been. Links to folders are not followed.
 */
final class TemplateSnapshot implements TemplateLoader {
    /** Far larger than any mail template; a bigger file is refused when used, not read whole. */
    static final long LIMIT = 1024 * 1024;

    private record Entry(byte[] bytes, Exception refused) {
    }

    private final Map<String, Entry> files = new HashMap<>();

    TemplateSnapshot(Path dir) throws IOException {
        FileTemplateLoader disk = new FileTemplateLoader(dir.toFile());
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(path).toString().replace(File.separatorChar, '/');
                files.put(name, read(disk, name));
            }
        }
    }

    private static Entry read(FileTemplateLoader disk, String name) {
        try {
            Object source = disk.findTemplateSource(name);
            if (source == null) {
                return new Entry(null, new IOException("the file cannot be found"));
            }
            File file = (File) source;
            if (file.length() > LIMIT) {
                return new Entry(null, new IOException("the file is larger than 1 MB; a mail template is far smaller"));
            }
            return new Entry(Files.readAllBytes(file.toPath()), null);
        } catch (IOException | SecurityException e) {
            return new Entry(null, e);
        }
    }

    /** The names of the files read, sorted. */
    java.util.List<String> names() {
        return files.keySet().stream().sorted().toList();
    }

    /** Whether the folder held this file (also one that is refused when used). */
    boolean holds(String name) {
        return files.containsKey(name);
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
        Entry entry = files.get(name);
        if (entry == null) {
            return null;
        }
        if (entry.refused() instanceof IOException e) {
            throw e;
        }
        if (entry.refused() instanceof RuntimeException e) {
            throw e;
        }
        return entry;
    }

    /** The same for as long as the snapshot lives: FreeMarker never sees a template change under it. */
    @Override
    public long getLastModified(Object source) {
        return 0;
    }

    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
        InputStream in = new ByteArrayInputStream(((Entry) source).bytes());
        return new InputStreamReader(in, encoding);
    }

    @Override
    public void closeTemplateSource(Object source) {
        // nothing is open: the bytes are in memory
    }
}
