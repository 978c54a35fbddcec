package dev.paydesk.insights.internal;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recomputes {@code insights_supplier_day} from the interval facts: the days of one queue after a change, or
 * everything in a rebuild. A queue slice takes the family lock shared and its queue's lock exclusively; a full
 * rebuild takes the family lock exclusively, so neither sees the other half done.
 */
final class SupplierRollup {

    private static final long FAMILY_LOCK = 0x1_0000_0000L + dev.paydesk.insights.Kpi.Family.SUPPLIER.ordinal();

    private static final String INSERT = """
            insert into insights_supplier_day (market, day, queue, supplier, offered_intervals, answered_intervals,
              staffed_intervals, offered, answered, abandoned, within_target, handle_s, wait_s, staffed_agent_s,
              staffed_handle_s, staffed_answered)
            select market, day, queue, supplier, count(*) filter (where offered > 0), count(*) filter (where answered > 0),
              count(*) filter (where agents_staffed > 0), sum(offered), sum(answered), sum(abandoned), sum(within_target), sum(handle_s),
              sum(wait_s), coalesce(sum(agents_staffed * interval_minutes * 60) filter (where agents_staffed > 0), 0),
              coalesce(sum(handle_s) filter (where agents_staffed > 0), 0),
              coalesce(sum(answered) filter (where agents_staffed > 0), 0)
            from insights_interval_fact where %s group by market, day, queue, supplier""";

    private final JdbcClient jdbc;

    SupplierRollup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks one queue's slices (family lock shared); call first inside the transaction that changes its facts. */
    void lockQueue(String queue) {
        jdbc.sql("select pg_advisory_xact_lock_shared(?), pg_advisory_xact_lock(?)")
                .params(FAMILY_LOCK, (long) ("SUPPLIER|" + queue).hashCode()).query((rs, i) -> 1).list();
    }

    /** Recomputes the local days {@code first..last} (inclusive) of one queue; call after {@link #lockQueue}. */
    void refresh(String queue, LocalDate first, LocalDate last) {
        jdbc.sql("delete from insights_supplier_day where queue = ? and day >= ? and day <= ?")
                .params(queue, first, last).update();
        jdbc.sql(INSERT.formatted("queue = ? and day >= ? and day <= ?")).params(queue, first, last).update();
    }

    /** Recomputes every row from the facts; call inside a transaction. */
    void rebuild() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(FAMILY_LOCK).query((rs, i) -> 1).list();
        jdbc.sql("delete from insights_supplier_day").update();
        jdbc.sql(INSERT.formatted("true")).update();
    }
}
