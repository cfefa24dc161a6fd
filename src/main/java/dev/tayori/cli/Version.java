package dev.tayori.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version Maven built: the jar carries the project's pom.properties, so `tayori --version`
 * cannot drift from pom.xml the way a version typed into an annotation does.
 */
final class Version implements IVersionProvider {
    private static final String POM = "/META-INF/maven/dev.tayori/tayori/pom.properties";

    @Override
    public String[] getVersion() throws IOException {
        try (InputStream in = Version.class.getResourceAsStream(POM)) {
            if (in == null) {
                return new String[] {"tayori (version unknown: not run from the built jar)"};
            }
            Properties pom = new Properties();
            pom.load(in);
            return new String[] {"tayori " + pom.getProperty("version", "(version unknown)")};
        }
    }
}
