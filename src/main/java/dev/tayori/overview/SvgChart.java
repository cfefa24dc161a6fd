package dev.tayori.overview;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A bar chart drawn as inline SVG by tayori itself: no script and nothing loaded from elsewhere.
 * Labels are escaped here because the page inserts the SVG as markup.
 */
public final class SvgChart {
    private SvgChart() {
    }

    /** One bar per day from {@code first} to {@code last}, days without a value drawn as zero. */
    public static String daily(String title, LocalDate first, LocalDate last, Map<LocalDate, Integer> values) {
        List<LocalDate> days = first.datesUntil(last.plusDays(1)).toList();
        int max = Math.max(1, values.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        int width = 640;
        int height = 180;
        int barWidth = Math.max(2, (width - 40) / Math.max(1, days.size()));
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height + 30).append("\" class=\"chart\"><title>").append(escape(title)).append("</title>");
        svg.append("<text x=\"0\" y=\"12\" font-size=\"11\">").append(max).append("</text>");
        for (int i = 0; i < days.size(); i++) {
            int value = values.getOrDefault(days.get(i), 0);
            int h = (int) Math.round((double) value / max * (height - 20));
            int x = 30 + i * barWidth;
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(height - h).append("\" width=\"")
                    .append(Math.max(1, barWidth - 2)).append("\" height=\"").append(h).append("\" fill=\"#3d6b5a\"><title>")
                    .append(days.get(i)).append(": ").append(value).append("</title></rect>");
        }
        svg.append("<line x1=\"28\" y1=\"").append(height).append("\" x2=\"").append(width).append("\" y2=\"")
                .append(height).append("\" stroke=\"#999\"/>");
        svg.append("<text x=\"30\" y=\"").append(height + 20).append("\" font-size=\"11\">").append(first).append("</text>");
        svg.append("<text x=\"").append(width - 70).append("\" y=\"").append(height + 20).append("\" font-size=\"11\">")
                .append(last).append("</text></svg>");
        return svg.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
