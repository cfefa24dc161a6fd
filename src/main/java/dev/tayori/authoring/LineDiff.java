package dev.tayori.authoring;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff by longest common subsequence: enough for comparing two versions of a mail of a few
 * hundred lines (the table is lines × lines), and no library to carry for it.
 */
public final class LineDiff {
    public enum Change { SAME, REMOVED, ADDED }

    /** One line of the comparison: kept, only in the older version, or only in the newer. */
    public record Line(Change change, String text) {
    }

    private LineDiff() {
    }

    public static List<Line> of(String older, String newer) {
        String[] a = older.isEmpty() ? new String[0] : older.split("\n", -1);
        String[] b = newer.isEmpty() ? new String[0] : newer.split("\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                lines.add(new Line(Change.SAME, a[i++]));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add(new Line(Change.REMOVED, a[i++]));
            } else {
                lines.add(new Line(Change.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            lines.add(new Line(Change.REMOVED, a[i++]));
        }
        while (j < b.length) {
            lines.add(new Line(Change.ADDED, b[j++]));
        }
        return lines;
    }
}
