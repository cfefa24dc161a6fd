package dev.tayori.db;

/** The database cannot be opened, migrated or written; the message says which and why. */
public class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseException(String message) {
        super(message);
    }
}
