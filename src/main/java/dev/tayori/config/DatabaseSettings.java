package dev.tayori.config;

/**
 * Where the data lives: a SQLite file (the default) or a PostgreSQL server, which several nodes can
 * share. The user name and password are given apart from the URL so that neither has to be written
 * into it; the password is a secret and never printed.
 */
public record DatabaseSettings(String url, String username, String password, int poolSize) {
    public static DatabaseSettings sqlite(String url) {
        return new DatabaseSettings(url, "", "", 12);
    }

    public DatabaseSettings withUrl(String newUrl) {
        return new DatabaseSettings(newUrl, username, password, poolSize);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + Secrets.maskUrl(url) + ", username=" + username + ", password="
                + Secrets.shown("database.password", password) + ", poolSize=" + poolSize + "]";
    }
}
