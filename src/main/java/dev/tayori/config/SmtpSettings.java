package dev.tayori.config;

/**
 * How to reach the SMTP server and how hard to push it. An empty host means none is configured.
 *
 * @param connections concurrent connections, each reused for many messages
 * @param messagesPerConnection a connection is reopened after this many messages
 * @param ratePerSecond all connections together, 0 for no limit
 * @param window e.g. "1000/1h": at most that many in any such period ("" for none)
 * @param domainLimits e.g. "docomo.ne.jp=2/s, ezweb.ne.jp=30/min"
 */
public record SmtpSettings(String host, int port, String username, String password, boolean starttls,
        int timeoutSeconds, int connections, int messagesPerConnection, int ratePerSecond, String window,
        String domainLimits) {
    /** Never prints the password. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + Secrets.shown("smtp.password", password) + ", starttls=" + starttls + ", timeoutSeconds=" + timeoutSeconds
                + ", connections=" + connections + ", messagesPerConnection=" + messagesPerConnection + ", ratePerSecond="
                + ratePerSecond + ", window=" + window + ", domainLimits=" + domainLimits + "]";
    }

    public boolean configured() {
        return !host.isBlank();
    }

    public SmtpSettings withServer(String newHost, int newPort) {
        return new SmtpSettings(newHost, newPort, username, password, starttls, timeoutSeconds, connections,
                messagesPerConnection, ratePerSecond, window, domainLimits);
    }
}
