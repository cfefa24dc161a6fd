package dev.tayori;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a refused input must leave as it was: every row of every table of a world's database (Flyway's own history aside) and the number of mails its SMTP server received. Hostile-input
 * tests take one before and one after and compare them whole, so "nothing else changed" is checked
 * rather than assumed.
 */
public record Snapshot(Map<String, List<String>> tables, int mailsReceived) {

    public static Snapshot of(TestWorld world) {
        return of(world.databaseUrl(), world.received().size());
    }

    public static Snapshot of(Path sqliteFile, int mailsReceived) {
        if (!Files.exists(sqliteFile)) {
            return new Snapshot(new TreeMap<>(), mailsReceived);
        }
        return of("jdbc:sqlite:" + sqliteFile, mailsReceived);
    }

    /** Flyway's and Quartz's own tables aside: Quartz updates its triggers as time passes. */
    public static Snapshot of(String url, int mailsReceived) {
        Map<String, List<String>> tables = new TreeMap<>();
        boolean sqlite = url.startsWith("jdbc:sqlite:");
        if (sqlite && !Files.exists(Path.of(url.substring("jdbc:sqlite:".length())))) {
            return new Snapshot(tables, mailsReceived);
        }
        try (Connection c = DriverManager.getConnection(url);
             Statement st = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(sqlite
                    ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                            + " AND name <> 'flyway_schema_history' ORDER BY name"
                    : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                            + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'"
                            + " AND table_name NOT LIKE 'qrtz!_%' ESCAPE '!' ORDER BY table_name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + name + "\" ORDER BY 1")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(i > 1 ? " | " : "").append(rs.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
                tables.put(name, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + url + ": " + e.getMessage(), e);
        }
        return new Snapshot(tables, mailsReceived);
    }
}
