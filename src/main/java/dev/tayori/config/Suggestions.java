package dev.tayori.config;

import java.util.Collection;

/** "did you mean ...?" for a misspelt name, by edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    public static String didYouMean(String given, Collection<String> known) {
        return nearest(given, known).map(best -> " (did you mean '" + best + "'?)").orElse("");
    }

    /** The known name closest to a mistyped one, if it is close enough to be what was meant. */
    public static java.util.Optional<String> nearest(String given, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(given, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best != null && bestDistance <= Math.max(2, given.length() / 3)
                ? java.util.Optional.of(best) : java.util.Optional.empty();
    }

    /** Levenshtein's edit distance: insertions, deletions and changes of one character each cost one. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
