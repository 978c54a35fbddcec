package dev.paydesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON that /js/charts.js reads: the one shape for line charts, bar charts and sparklines. */
class LineChartTests {

    private static JsonNode json(LineChart chart) {
        return JsonMapper.builder().build().readTree(chart.json());
    }

    @Test
    void aLineChartCarriesLabelsSeriesAndGaps() {
        JsonNode chart = json(LineChart.of(List.of("Mon", "Tue"),
                LineChart.Line.of("forecast", new double[]{1.5, Double.NaN}, true)));
        assertThat(chart.get("labels").toString()).isEqualTo("[\"Mon\",\"Tue\"]");
        assertThat(chart.get("series").get(0).get("name").asString()).isEqualTo("forecast");
        assertThat(chart.get("series").get(0).get("values").get(0).asDouble()).isEqualTo(1.5);
        assertThat(chart.get("series").get(0).get("values").get(1).isNull()).isTrue();
        assertThat(chart.get("series").get(0).get("dashed").asBoolean()).isTrue();
        assertThat(chart.get("bars").asBoolean()).isFalse();
        assertThat(chart.get("sparkline").asBoolean()).isFalse();
    }

    @Test
    void aBarChartSaysSo() {
        JsonNode chart = json(LineChart.bars(List.of("a", "b"), LineChart.Line.of("now", new long[]{3, 4}),
                LineChart.Line.of("previous", new long[]{1, 2})));
        assertThat(chart.get("bars").asBoolean()).isTrue();
        assertThat(chart.get("series").size()).isEqualTo(2);
        assertThat(chart.get("series").get(1).get("values").get(1).asDouble()).isEqualTo(2.0);
    }

    @Test
    void aSparklineNumbersItsPoints() {
        JsonNode chart = json(LineChart.sparkline(LineChart.Line.of("x", new long[]{5, 6, 7})));
        assertThat(chart.get("sparkline").asBoolean()).isTrue();
        assertThat(chart.get("labels").toString()).isEqualTo("[\"1\",\"2\",\"3\"]");
    }
}
