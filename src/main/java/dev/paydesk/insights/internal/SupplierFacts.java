package dev.paydesk.insights.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.workforce.ContactQueue;
import dev.paydesk.workforce.DayAccuracy;
import dev.paydesk.workforce.IntervalStat;

/**
 * Insights' copy of workforce's interval statistics and day-ahead accuracy. A queue's local days are replaced
 * as a whole from what workforce's API returns for them, so a replayed or late event writes the same rows again.
 */
@Component
class SupplierFacts {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final SupplierRollup rollup;

    SupplierFacts(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        this.rollup = new SupplierRollup(jdbc);
    }

    /**
     * Locks the queue's facts for this transaction: call before reading its rows from workforce, so a slower
     * refresh cannot overwrite a newer one with an older read.
     */
    void lock(ContactQueue queue) {
        rollup.lockQueue(queue.code());
    }

    /**
     * Replaces the interval facts of the queue's local days {@code first..last} (inclusive) with {@code stats}
     * (every row workforce holds for those days) and recomputes their supplier-day rows; call in a transaction
     * after {@link #lock}.
     */
    void replaceDays(ContactQueue queue, ZoneId zone, LocalDate first, LocalDate last, List<IntervalStat> stats) {
        jdbc.sql("delete from insights_interval_fact where queue = ? and day >= ? and day <= ?")
                .params(queue.code(), first, last).update();
        template.batchUpdate("""
                insert into insights_interval_fact (queue, supplier, interval_start, market, day, interval_minutes, offered,
                  answered, abandoned, within_target, handle_s, wait_s, agents_staffed) values (?,?,?,?,?,?,?,?,?,?,?,?,?)
                on conflict (queue, interval_start, supplier) do update set market = excluded.market, day = excluded.day,
                  interval_minutes = excluded.interval_minutes, offered = excluded.offered, answered = excluded.answered,
                  abandoned = excluded.abandoned, within_target = excluded.within_target, handle_s = excluded.handle_s,
                  wait_s = excluded.wait_s, agents_staffed = excluded.agents_staffed""", stats, 500, (ps, s) -> {
                    ps.setString(1, s.queue());
                    ps.setString(2, s.supplier());
                    ps.setTimestamp(3, Timestamp.from(s.intervalStart()));
                    ps.setString(4, queue.market());
                    ps.setObject(5, s.intervalStart().atZone(zone).toLocalDate());
                    ps.setInt(6, queue.intervalMinutes());
                    ps.setInt(7, s.offered());
                    ps.setInt(8, s.answered());
                    ps.setInt(9, s.abandoned());
                    ps.setInt(10, s.answeredWithinTarget());
                    ps.setLong(11, s.handleTimeSeconds());
                    ps.setLong(12, s.waitTimeSeconds());
                    ps.setObject(13, s.agentsStaffed() == null ? null : java.math.BigDecimal.valueOf(s.agentsStaffed()));
                });
        rollup.refresh(queue.code(), first, last);
    }

    /** Upserts the queue's day-ahead accuracy per local day; call in a transaction. */
    void saveAccuracy(ContactQueue queue, List<DayAccuracy> days) {
        for (DayAccuracy d : days) {
            // WAPE = sum|F - A| / sum A, so the absolute error is WAPE x A; with no actuals it is the forecast itself
            double absError = d.actual() > 0 ? d.wape() * d.actual() : d.forecast();
            jdbc.sql("""
                    insert into insights_queue_accuracy (queue, market, day, actual, forecast, abs_error) values (?,?,?,?,?,?)
                    on conflict (queue, day) do update set market = excluded.market, actual = excluded.actual,
                      forecast = excluded.forecast, abs_error = excluded.abs_error""")
                    .params(queue.code(), queue.market(), d.date(), d.actual(), d.forecast(), absError).update();
        }
    }
}
