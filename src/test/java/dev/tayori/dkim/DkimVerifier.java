package dev.tayori.dkim;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs src/test/resources/dkim/verify.py (dkimpy, Debian's python3-dkim) on a message: the
 * independent verifier. Debian's own /usr/bin/python3, since a python3 earlier on PATH (pyenv)
 * lacks the Debian packages; .ci/run installs them.
 */
public final class DkimVerifier {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /** One line per signature ("s=tayori a=rsa-sha256 pass") and whether all passed. */
    public record Result(boolean passed, String output) {
        public boolean passes(String selector) {
            return output.lines().anyMatch(l -> l.startsWith("s=" + selector + " ") && l.endsWith(" pass"));
        }
    }

    private DkimVerifier() {
    }

    public static Result verify(byte[] message, String... records) {
        if (!Files.isExecutable(PYTHON)) {
            fail("the DKIM tests need Debian's /usr/bin/python3 with python3-dkim and python3-nacl (.ci/run installs them)");
        }
        try {
            Path script = Path.of(DkimVerifier.class.getResource("/dkim/verify.py").toURI());
            List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
            command.addAll(List.of(records));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(message);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("verify.py did not finish");
            }
            if (process.exitValue() == 3) {
                fail("the DKIM tests need python3-dkim and python3-nacl for /usr/bin/python3: " + output);
            }
            return new Result(process.exitValue() == 0, output.strip());
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot run verify.py: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
