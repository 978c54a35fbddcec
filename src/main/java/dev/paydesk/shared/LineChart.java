package dev.paydesk.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * The data of a chart that a page draws with Apache ECharts ({@code /js/charts.js}, the one chart script, reads it
 * from the element's {@code data-chart} attribute): lines, or bars when {@code bars} is set. Series names come from
 * the message bundles; a missing value ({@code NaN} or {@code null}) leaves a gap. Pages also show the same numbers
 * as a table, so the chart is never the only copy.
 */
public record LineChart(List<String> labels, List<Line> series, boolean sparkline, boolean bars) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public LineChart {
        labels = List.copyOf(labels);
        series = List.copyOf(series);
    }

    /** One series; {@code values} may hold nulls for gaps. */
    public record Line(String name, List<@Nullable Double> values, boolean dashed) {

        public Line {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        public static Line of(String name, double[] values, boolean dashed) {
            List<@Nullable Double> list = new ArrayList<>(values.length);
            for (double v : values) {
                list.add(Double.isNaN(v) ? null : v);
            }
            return new Line(name, list, dashed);
        }

        public static Line of(String name, long[] values) {
            List<@Nullable Double> list = new ArrayList<>(values.length);
            for (long v : values) {
                list.add((double) v);
            }
            return new Line(name, list, false);
        }
    }

    public static LineChart of(List<String> labels, Line... series) {
        return of(labels, List.of(series));
    }

    public static LineChart of(List<String> labels, List<Line> series) {
        return new LineChart(labels, series, false, false);
    }

    /** The same data drawn as bars, one group of bars per label. */
    public static LineChart bars(List<String> labels, Line... series) {
        return new LineChart(labels, List.of(series), false, true);
    }

    /** A chart without axes, legend or tooltip, for a table cell. */
    public static LineChart sparkline(Line line) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < line.values().size(); i++) {
            labels.add(String.valueOf(i + 1));
        }
        return new LineChart(labels, List.of(line), true, false);
    }

    /** The JSON that {@code /js/charts.js} reads. */
    public String json() {
        return JSON.writeValueAsString(this);
    }
}
