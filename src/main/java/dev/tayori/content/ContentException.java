package dev.tayori.content;

/** Articles that cannot be read; the message says where (file and line, or the feed's URL) and why. */
public class ContentException extends RuntimeException {
    public ContentException(String message) {
        super(message);
    }

    public ContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
