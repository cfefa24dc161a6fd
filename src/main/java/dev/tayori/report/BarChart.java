package dev.tayori.report;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A bar chart drawn as inline SVG by tayori itself (no script, nothing loaded from elsewhere): a group
 * of bars per label, a bar per series, a legend above. Colours and type sizes are classes of
 * admin.css, since the pages' CSP allows no inline style; labels are escaped here because the page
 * inserts the SVG as markup. Labels under the bars are thinned out to about eight, so a phone's
 * narrow chart stays readable; every bar still names its value in its tooltip.
 */
public final class BarChart {
    /** One series: its name in the legend, its class (series-a to series-d), a value per label. */
    public record Series(String name, String cssClass, List<Double> values) {
    }

    private static final int WIDTH = 640;
    private static final int LEFT = 40;
    private static final int TOP = 34;
    private static final int PLOT = 150;
    private static final int LABELS_SHOWN = 8;

    private BarChart() {
    }

    /** The chart; {@code valueText} writes a value (in tooltips and on the axis), e.g. as a count or a rate. */
    public static String of(String title, List<String> labels, List<Series> series, DoubleFunction<String> valueText) {
        double max = series.stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue).max().orElse(0);
        double top = max > 0 ? max : 1;
        int groups = Math.max(1, labels.size());
        double group = (double) (WIDTH - LEFT) / groups;
        double bar = Math.max(1, (group - 2) / Math.max(1, series.size()));
        int baseline = TOP + PLOT;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(baseline + 24).append("\" class=\"chart\"><title>").append(escape(title)).append("</title>");
        int x = LEFT;
        for (Series s : series) {
            svg.append("<rect class=\"").append(s.cssClass()).append("\" x=\"").append(x).append("\" y=\"6\" width=\"14\" height=\"14\"/>")
                    .append("<text class=\"chart-text\" x=\"").append(x + 18).append("\" y=\"19\">").append(escape(s.name())).append("</text>");
            x += 28 + 22 * s.name().length(); // room for the phone's larger type (admin.css)
        }
        svg.append("<text class=\"chart-text\" x=\"0\" y=\"").append(TOP + 10).append("\">").append(escape(valueText.apply(max)))
                .append("</text><text class=\"chart-text\" x=\"0\" y=\"").append(baseline).append("\">0</text>");
        for (int g = 0; g < labels.size(); g++) {
            for (int i = 0; i < series.size(); i++) {
                Series s = series.get(i);
                double value = g < s.values().size() ? s.values().get(g) : 0;
                long h = Math.round(value / top * PLOT);
                svg.append("<rect class=\"").append(s.cssClass()).append("\" x=\"").append(format(LEFT + g * group + i * bar))
                        .append("\" y=\"").append(baseline - h).append("\" width=\"").append(format(Math.max(1, bar - 1)))
                        .append("\" height=\"").append(h).append("\"><title>").append(escape(labels.get(g))).append(' ')
                        .append(escape(s.name())).append(": ").append(escape(valueText.apply(value))).append("</title></rect>");
            }
        }
        svg.append("<line class=\"chart-axis\" x1=\"").append(LEFT - 2).append("\" y1=\"").append(baseline).append("\" x2=\"")
                .append(WIDTH).append("\" y2=\"").append(baseline).append("\"/>");
        int every = (labels.size() + LABELS_SHOWN - 1) / LABELS_SHOWN;
        for (int g = 0; g < labels.size(); g += Math.max(1, every)) {
            svg.append("<text class=\"chart-text\" x=\"").append(format(LEFT + g * group)).append("\" y=\"")
                    .append(baseline + 18).append("\">").append(escape(labels.get(g))).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static String format(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
