package dev.tayori.config;

/** How to reach the SMTP server. An empty host means none is configured. */
public record SmtpSettings(String host, int port, String username, String password, boolean starttls,
        int timeoutSeconds) {
    public boolean configured() {
        return !host.isBlank();
    }

    public SmtpSettings withServer(String newHost, int newPort) {
        return new SmtpSettings(newHost, newPort, username, password, starttls, timeoutSeconds);
    }
}
