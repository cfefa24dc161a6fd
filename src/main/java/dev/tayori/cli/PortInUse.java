package dev.tayori.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A port another program holds: said in one line, with the setting that moves tayori elsewhere,
 * before a server library fails on it with a stack trace about start-up timeouts.
 */
final class PortInUse extends RuntimeException {
    private PortInUse(String message) {
        super(message);
    }

    /** Throws unless {@code port} on {@code host} can be bound now. */
    static void check(String host, int port, String what, String howToChange) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new PortInUse("port " + port + " (" + what + ") is already in use by another program: stop it, or "
                    + howToChange);
        }
    }
}
