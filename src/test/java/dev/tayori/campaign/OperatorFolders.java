package dev.tayori.campaign;

import dev.tayori.Snapshot;
import dev.tayori.TestWorld;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A tayori whose campaigns/ and templates/ are copies of the shipped ones in a temporary folder, for
 * tests that break a file the way an operator or an attacker would and run `campaigns validate`.
 */
public final class OperatorFolders implements AutoCloseable {
    public final TestWorld world;
    public final Path campaigns;
    public final Path templates;
    /** A file a hostile template would create; it must never exist. */
    public final Path marker;

    public OperatorFolders(Path dir) {
        world = new TestWorld(dir, TestWorld.tokyo(2026, 12, 1, 9, 0));
        campaigns = dir.resolve("campaigns");
        templates = dir.resolve("templates");
        marker = dir.resolve("ran-a-command");
        copy(Path.of("campaigns"), campaigns);
        copy(Path.of("templates"), templates);
        world.env().put("TAYORI_CAMPAIGNS_DIR", campaigns.toString());
        world.env().put("TAYORI_TEMPLATES_DIR", templates.toString());
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs `campaigns validate` and returns what it printed to stderr, after checking it changed nothing. */
    public TestWorld.CliResult validate() {
        Snapshot before = Snapshot.of(world);
        TestWorld.CliResult result = world.cli("campaigns", "validate");
        if (!before.equals(Snapshot.of(world))) {
            throw new AssertionError("campaigns validate changed recorded data");
        }
        return result;
    }

    @Override
    public void close() {
        world.close();
    }
}
