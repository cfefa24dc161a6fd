package dev.tayori.cli;

import java.net.InetAddress;

/** Where a consent given through the command line came from: the operator's user and host. */
final class Origins {
    private Origins() {
    }

    static String commandLine() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return "command line: " + System.getProperty("user.name", "?") + "@" + host;
    }
}
