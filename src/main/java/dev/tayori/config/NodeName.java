package dev.tayori.config;

import java.lang.management.ManagementFactory;

/**
 * The name a tayori process goes by on a database several nodes share (node.name): it is written on
 * every delivery the process sends, in its claims and in the nodes table. It appears in command output,
 * logs and the admin pages, so it must read as one short word: no spaces, no control or invisible
 * characters. Unset, it is the host name and the process id (web1-12345), which differs for every
 * process; a node that should keep its name across restarts needs one set.
 */
public final class NodeName {
    static final int LONGEST = 64;

    private NodeName() {
    }

    /** The first label of the host name and the process id, e.g. web1-12345. */
    static String byDefault() {
        // the JVM's "pid@host" is read once at start; InetAddress.getLocalHost can wait on DNS
        String vm = ManagementFactory.getRuntimeMXBean().getName();
        String host = vm.contains("@") ? vm.substring(vm.indexOf('@') + 1) : "";
        int dot = host.indexOf('.');
        if (dot > 0) {
            host = host.substring(0, dot);
        }
        StringBuilder kept = new StringBuilder();
        host.codePoints().filter(NodeName::visible).limit(40).forEach(kept::appendCodePoint);
        return (kept.length() == 0 ? "node" : kept) + "-" + ProcessHandle.current().pid();
    }

    /** What is wrong with {@code name}, or null when it can be used. */
    static String problem(String name) {
        int length = name.codePointCount(0, name.length());
        if (length == 0 || length > LONGEST) {
            return "must be 1 to " + LONGEST + " characters, such as web1";
        }
        if (!name.codePoints().allMatch(NodeName::visible)) {
            return "must not contain spaces, control characters or invisible characters; write it as one word,"
                    + " such as web1 or tokyo-2";
        }
        return null;
    }

    private static boolean visible(int c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
            return false;
        }
        int type = Character.getType(c);
        return type != Character.FORMAT && type != Character.UNASSIGNED && type != Character.SURROGATE
                && type != Character.PRIVATE_USE;
    }
}
