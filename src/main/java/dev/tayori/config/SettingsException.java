package dev.tayori.config;

/** A setting that is missing, unknown or malformed; the message names the key and where it came from. */
public class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
