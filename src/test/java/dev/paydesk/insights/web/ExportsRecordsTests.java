package dev.paydesk.insights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.paydesk.insights.Insights;

/** A drill-down's records exported page after page: every page read once, stopped at the short one, one table. */
class ExportsRecordsTests {

    @Test
    void everyPageIsReadUntilAShortOneAndTheRecordsBecomeOneTable() {
        int total = Exports.RECORDS_PAGE + 3;
        List<Integer> asked = new ArrayList<>();
        byte[] csv = Exports.records("csv", "cases_opened-2026-12-01-2026-12-08", offset -> {
            asked.add(offset);
            List<Map<String, Object>> page = new ArrayList<>();
            for (int i = offset; i < Math.min(total, offset + Exports.RECORDS_PAGE); i++) {
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("id", "PD-" + i);
                record.put("minutes", i);
                record.put("day", LocalDate.of(2026, 12, 1));
                page.add(record);
            }
            return new Insights.Records("cases_opened", total, page);
        }).getBody();

        assertThat(asked).containsExactly(0, Exports.RECORDS_PAGE);
        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(total + 1);
        assertThat(lines.getFirst()).isEqualTo("id,minutes,day");
        assertThat(lines.get(1)).isEqualTo("PD-0,0,2026-12-01");
        assertThat(lines.getLast()).isEqualTo("PD-" + (total - 1) + "," + (total - 1) + ",2026-12-01");
    }

    @Test
    void noRecordsIsATableWithItsIdColumnOnly() {
        byte[] csv = Exports.records("csv", "empty", offset -> new Insights.Records("x", 0, List.of())).getBody();
        assertThat(new String(csv, StandardCharsets.UTF_8).lines().toList()).containsExactly("id");
    }
}
