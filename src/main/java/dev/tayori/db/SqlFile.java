package dev.tayori.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Named SQL for code that runs a statement through plain JDBC (prepared once, run per mail), kept in a
 * file beside the class's other SQL, as Jdbi's classpath locator keeps a DAO's: OWNER/NAME.sql.
 */
public final class SqlFile {
    private SqlFile() {
    }

    public static String of(Class<?> owner, String name) {
        String path = owner.getSimpleName() + "/" + name + ".sql";
        try (InputStream in = owner.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the SQL file " + path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the SQL file " + path + ": " + e.getMessage(), e);
        }
    }
}
