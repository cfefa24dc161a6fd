package dev.tayori.node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which alive nodes run which version of the campaign files and templates. Every node reloads from its
 * own disk, so a deploy that reached some nodes and not others makes one mailing read differently
 * depending on the node that sent it; mail written in the browser is in the database and the same
 * everywhere.
 */
public final class FileVersions {
    private FileVersions() {
    }

    /**
     * The names of the alive nodes, one list per version of the files, the largest group first (the
     * version most nodes run), names in order within each. A single list: they agree.
     */
    public static List<List<String>> of(List<NodeRow> alive) {
        Map<String, List<String>> byFiles = new LinkedHashMap<>();
        alive.stream().sorted(Comparator.comparing(NodeRow::name))
                .forEach(n -> byFiles.computeIfAbsent(n.filesFingerprint(), f -> new ArrayList<>()).add(n.name()));
        List<List<String>> groups = new ArrayList<>(byFiles.values());
        groups.sort(Comparator.comparingInt((List<String> g) -> -g.size()).thenComparing(g -> g.get(0)));
        return groups;
    }

    /** Whether the alive nodes run more than one version. */
    public static boolean disagree(List<NodeRow> alive) {
        return of(alive).size() > 1;
    }
}
