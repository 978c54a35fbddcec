package dev.paydesk.workforce.web;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/** Server-side line charts as inline SVG (no JavaScript): one polyline per series, NaN leaves a gap. */
final class SvgChart {

    record Series(String name, String color, double[] values, boolean dashed) {
    }

    private static final int WIDTH = 760;
    private static final int HEIGHT = 220;
    private static final int LEFT = 44;
    private static final int BOTTOM = 24;

    private SvgChart() {
    }

    static String lines(String title, List<Series> series, List<String> xLabels) {
        int n = xLabels.size();
        double max = 1;
        for (Series s : series) {
            for (double v : s.values()) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        max = niceCeiling(max);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"wf-chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                WIDTH, HEIGHT + 24, HtmlUtils.htmlEscape(title)));
        svg.append("<title>").append(HtmlUtils.htmlEscape(title)).append("</title>");
        for (int g = 0; g <= 4; g++) {
            double y = y(max * g / 4, max);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e6ea\"/>",
                    LEFT, WIDTH - 8, y, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"#667\">%s</text>",
                    LEFT - 4, y + 3, format(max * g / 4)));
        }
        int step = Math.max(1, n / 12);
        for (int i = 0; i < n; i += step) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" fill=\"#667\">%s</text>",
                    x(i, n), HEIGHT - BOTTOM + 14, HtmlUtils.htmlEscape(xLabels.get(i))));
        }
        for (Series s : series) {
            svg.append(path(s, n, max));
        }
        int lx = LEFT;
        for (Series s : series) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>", lx,
                    HEIGHT + 8, s.color()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#334\">%s</text>",
                    lx + 16, HEIGHT + 13, HtmlUtils.htmlEscape(s.name())));
            lx += 24 + 7 * s.name().length();
        }
        return svg.append("</svg>").toString();
    }

    private static String path(Series s, int n, double max) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < s.values().length && i < n; i++) {
            double v = s.values()[i];
            if (Double.isNaN(v)) {
                pen = false;
                continue;
            }
            d.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", x(i, n), y(v, max)));
            pen = true;
        }
        return String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>",
                d.toString().trim(), s.color(), s.dashed() ? " stroke-dasharray=\"5 4\"" : "");
    }

    private static double x(int i, int n) {
        return LEFT + (WIDTH - LEFT - 8) * (n <= 1 ? 0.5 : (double) i / (n - 1));
    }

    private static double y(double v, double max) {
        return 8 + (HEIGHT - BOTTOM - 8) * (1 - v / max);
    }

    private static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= v) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
