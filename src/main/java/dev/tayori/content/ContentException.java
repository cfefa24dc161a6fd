package dev.tayori.content;

import dev.tayori.config.Secrets;

/**
 * Articles that cannot be read; the message says where (file and line, or the feed's URL) and why.
 * The message is masked here, once for every way it is shown (an error, send-due's warnings, the log,
 * the dashboard): a feed's URL may carry a token ({@code ?key=}, {@code user:password@}).
 */
public class ContentException extends RuntimeException {
    public ContentException(String message) {
        super(Secrets.maskUrl(message));
    }

    public ContentException(String message, Throwable cause) {
        super(Secrets.maskUrl(message), cause);
    }
}
