package dev.tayori.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BarChartTest {
    @Test
    void barsAreColouredByClassOnlyAndEveryLabelIsEscaped() {
        String svg = BarChart.of("<率>", List.of("第1号", "a&b"), List.of(
                new BarChart.Series("配信停止率", "series-c", List.of(0.5, 1.0)),
                new BarChart.Series("\"x\"", "series-d", List.of(0.0, 2.0))), Figures::shown);
        assertFalse(svg.contains("style") || svg.contains("fill="), "no inline style for the CSP: " + svg);
        assertTrue(svg.contains("<title>&lt;率&gt;</title>") && svg.contains("a&amp;b") && svg.contains("&quot;x&quot;"), svg);
        Matcher bars = Pattern.compile("<rect class=\"series-d\" x=\"[0-9.]+\" y=\"([0-9]+)\" width=\"[0-9.]+\" height=\"([0-9]+)\">")
                .matcher(svg);
        assertTrue(bars.find());
        assertEquals("0", bars.group(2), "a zero is no bar");
        assertTrue(bars.find());
        assertEquals("150", bars.group(2), "the largest value fills the chart");
        assertTrue(svg.contains("<title>a&amp;b 配信停止率: 1%</title>"), svg);
    }

    @Test
    void ratesArePrintedShortAndExact() {
        assertEquals("0%", Figures.shown(0));
        assertEquals("25%", Figures.shown(25));
        assertEquals("33.3%", Figures.shown(100.0 / 3));
        assertEquals("0.08%", Figures.shown(0.08));
        assertEquals("100%", Figures.shown(100));
    }
}
