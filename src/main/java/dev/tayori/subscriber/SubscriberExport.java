package dev.tayori.subscriber;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Jdbi;

/**
 * Every subscriber, with tags and consent records, as CSV for a spreadsheet. Every cell goes through
 * {@link SpreadsheetCell#neutralise}, so nothing a stranger typed runs as a formula when the file is
 * opened. Written in UTF-8 with a byte order mark by default: without one, Excel on Japanese Windows
 * reads the file as Shift_JIS and shows every name as mojibake; our own import reads it either way.
 */
public final class SubscriberExport {
    static final String[] COLUMNS = {"email", "name", "status", "timezone", "tags", "created_at", "confirmed_at",
            "unsubscribed_at", "consent"};

    private final Jdbi jdbi;
    private final Subscribers subscribers;

    public SubscriberExport(Jdbi jdbi, Subscribers subscribers) {
        this.jdbi = jdbi;
        this.subscribers = subscribers;
    }

    /** --encoding of the export: true for UTF-8 with a byte order mark (the default), false for plain UTF-8. */
    public static boolean byteOrderMark(String encoding) {
        if (encoding == null) {
            return true;
        }
        return switch (encoding.strip().toUpperCase(Locale.ROOT).replace('_', '-')) {
            case "UTF-8-BOM", "UTF8-BOM" -> true;
            case "UTF-8", "UTF8" -> false;
            default -> throw new IllegalArgumentException("--encoding '" + encoding + "' for an export is UTF-8-BOM"
                    + " (the default, which Excel opens correctly) or UTF-8 (without the mark, for scripts)");
        };
    }

    /** Writes the export to {@code output} whole, or refuses with one line and leaves no file behind. */
    public int toFile(Path given, SubscriberStatus status, boolean bom) {
        if (given.toString().isBlank()) {
            throw refused("--output is empty; give a file name, e.g. subscribers.csv");
        }
        if (Files.exists(given) && !Files.isDirectory(given) && !Files.isRegularFile(given)) {
            return toDevice(given, status, bom);
        }
        Path output = real(given);
        Path folder = output.toAbsolutePath().getParent();
        if (Files.isDirectory(output)) {
            throw refused(output + " is a folder; give a file name, e.g. " + output.resolve("subscribers.csv"));
        }
        if (folder != null && !Files.exists(folder)) {
            throw refused("cannot write " + output + ": the folder " + folder + " does not exist");
        }
        if (folder != null && !Files.isDirectory(folder)) {
            throw refused("cannot write " + output + ": " + folder + " is a file, not a folder");
        }
        if (Files.exists(output) && !Files.isWritable(output)) {
            throw refused("cannot write " + output + ": the file is read-only");
        }
        Path partial = null;
        try {
            // written beside the target and moved into place at the end: a failure halfway leaves no half file
            partial = Files.createTempFile(folder, ".tayori-export-", ".csv");
            int count;
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                count = to(writer, status, bom);
            }
            try {
                Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
            }
            return count;
        } catch (AccessDeniedException e) {
            throw refused("cannot write " + output + ": permission denied");
        } catch (IOException e) {
            throw refused("cannot write " + output + ": " + why(e, folder));
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // only a leftover temporary file; the error above is the one to report
                }
            }
        }
    }

    /**
     * What the system said, in words: a FileSystemException's message is often only the name of the
     * temporary file beside the target (/proc/.tayori-export-123.csv), which says nothing to the operator.
     */
    private static String why(IOException e, Path folder) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no file can be made in the folder " + folder;
        }
        return e.getMessage();
    }

    /**
     * An existing link is followed: the export goes into the file it points to, and the link stays. Moving
     * the new file onto the link's own name replaced the link with a file.
     */
    private static Path real(Path given) {
        try {
            return Files.isSymbolicLink(given) && Files.exists(given) ? given.toRealPath() : given;
        } catch (IOException e) {
            return given;
        }
    }

    /**
     * {@code --output /dev/stdout}, a pipe or a device is written straight to: a file moved onto its name
     * replaced /dev/stdout (or, as root, /dev/null and /dev/full) with a CSV, and a full disk behind it
     * went unnoticed ("wrote 21 subscriber(s)").
     */
    private int toDevice(Path output, SubscriberStatus status, boolean bom) {
        try (Writer writer = new java.io.OutputStreamWriter(Files.newOutputStream(output, java.nio.file.StandardOpenOption.WRITE),
                StandardCharsets.UTF_8)) {
            int count = to(writer, status, bom);
            writer.flush();
            return count;
        } catch (AccessDeniedException e) {
            throw refused("cannot write " + output + ": permission denied");
        } catch (IOException e) {
            throw refused("cannot write " + output + ": " + e.getMessage());
        }
    }

    /** Writes the export to {@code target} (left open); answers the number of subscribers written. */
    public int to(Writer target, SubscriberStatus status, boolean bom) throws IOException {
        return to(target, after -> {
            // skip over whole pages of other statuses: an empty answer would end the export
            long from = after;
            while (true) {
                List<Subscriber> page = subscribers.page(from, 500);
                List<Subscriber> kept = page.stream().filter(s -> status == null || s.status() == status).toList();
                if (!kept.isEmpty() || page.size() < 500) {
                    return kept;
                }
                from = page.get(page.size() - 1).id();
            }
        }, bom);
    }

    /** The subscribers to write, a page at a time after an id (in id order); an empty page ends. */
    public interface Source {
        List<Subscriber> after(long afterId);
    }

    /** Writes the subscribers {@code source} gives (the admin list's filter, say) to {@code target}, left open. */
    public int to(Writer target, Source source, boolean bom) throws IOException {
        if (bom) {
            target.write('\uFEFF');
        }
        CSVPrinter csv = new CSVPrinter(target, CSVFormat.DEFAULT.builder().setHeader(COLUMNS).build());
        int count = 0;
        long after = 0;
        while (true) {
            List<Subscriber> page = source.after(after);
            if (page.isEmpty()) {
                break;
            }
            for (Subscriber s : page) {
                List<String> tags = jdbi.withExtension(SubscriberDao.class, dao -> dao.tagsOf(s.id()));
                row(csv, s.email(), s.name(), s.status().db(), s.timeZone(), String.join(";", tags), s.createdAt(),
                        s.confirmedAt(), s.unsubscribedAt(), consent(s));
                count++;
            }
            after = page.get(page.size() - 1).id();
        }
        csv.flush();
        return count;
    }

    /** The one place a cell is written, so no column can be forgotten. */
    private static void row(CSVPrinter csv, Object... cells) throws IOException {
        for (Object cell : cells) {
            csv.print(cell == null ? null : SpreadsheetCell.neutralise(cell.toString()));
        }
        csv.println();
    }

    /** Each form version's wording, read once per export rather than once per reader. */
    private final java.util.Map<String, String> wordings = new java.util.HashMap<>();

    private String consent(Subscriber s) {
        StringBuilder consent = new StringBuilder();
        for (ConsentRecord c : subscribers.consents(s.id())) {
            consent.append(consent.length() == 0 ? "" : " | ").append(c.at()).append(' ').append(c.event())
                    .append(" via ").append(c.source()).append(" from ").append(c.origin())
                    .append(c.userAgent() == null ? "" : " agent " + c.userAgent())
                    .append(c.formVersion() == null ? "" : " form " + c.formVersion())
                    .append(wordings.computeIfAbsent(String.valueOf(c.formVersion()),
                            v -> subscribers.consentWording(c.formVersion()).map(w -> " wording「" + w + "」").orElse("")));
        }
        return consent.toString();
    }

    private static SubscriberException refused(String message) {
        return new SubscriberException(SubscriberException.Kind.INVALID, message);
    }
}
