package dev.paydesk.cases.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.FindingCaseIntake;
import dev.paydesk.reconciliation.FindingOpened;
import dev.paydesk.reconciliation.FindingType;
import dev.paydesk.shared.Money;

/** The tables of finding intake: grouped cases with their lists, waiting findings and the breaker's state. */
@Component
class FindingGroups {

    private static final String PAUSED = "finding-intake.paused";

    private final JdbcClient jdbc;

    FindingGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises finding intake across threads and nodes for the rest of the transaction. */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('cases-finding-intake', 0))").query().singleRow();
    }

    boolean listed(UUID findingId) {
        return jdbc.sql("select count(*) from cases_grouped_finding where finding_id = ?").param(findingId)
                .query(Long.class).single() > 0;
    }

    Optional<UUID> caseOf(String group) {
        return jdbc.sql("select case_id from cases_finding_group where group_key = ?").param(group).query(UUID.class)
                .optional();
    }

    void startGroup(String group, UUID caseId) {
        jdbc.sql("insert into cases_finding_group (group_key, case_id) values (?, ?)").params(group, caseId).update();
    }

    void add(String group, UUID caseId, FindingOpened f, Instant now) {
        int added = jdbc.sql("""
                insert into cases_grouped_finding (finding_id, case_id, type, payment_ref, amount_minor, currency, summary, added_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (finding_id) do nothing""")
                .params(f.findingId(), caseId, f.type().name(), f.paymentRef(), f.amountAtRisk().minor(),
                        f.amountAtRisk().currency().getCurrencyCode(), f.summary(), Timestamp.from(now)).update();
        jdbc.sql("update cases_finding_group set findings = findings + ? where group_key = ?").params(added, group).update();
    }

    /** Marks a listed finding resolved; returns its case when every finding listed there is resolved. */
    Optional<UUID> resolve(UUID findingId, Instant now) {
        UUID caseId = jdbc.sql("update cases_grouped_finding set resolved_at = ? where finding_id = ? and resolved_at is null returning case_id")
                .params(Timestamp.from(now), findingId).query(UUID.class).optional().orElse(null);
        if (caseId == null) {
            return Optional.empty();
        }
        long open = jdbc.sql("select count(*) from cases_grouped_finding where case_id = ? and resolved_at is null")
                .param(caseId).query(Long.class).single();
        return open == 0 ? Optional.of(caseId) : Optional.empty();
    }

    List<FindingCaseIntake.GroupedFinding> list(UUID caseId, int limit, int offset) {
        return jdbc.sql("""
                select finding_id, type, payment_ref, amount_minor, currency, summary, added_at, resolved_at
                from cases_grouped_finding where case_id = ? order by added_at, finding_id limit ? offset ?""")
                .params(caseId, Math.min(Math.max(limit, 1), 1000), Math.max(offset, 0))
                .query((rs, n) -> new FindingCaseIntake.GroupedFinding(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), Money.of(rs.getLong(4), rs.getString(5)), rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant())).list();
    }

    long openedWithin(Instant now, Duration window) {
        return jdbc.sql("select count(*) from cases_case where source = 'FINDING' and created_at >= ?")
                .param(Timestamp.from(now.minus(window))).query(Long.class).single();
    }

    void await(FindingOpened f, Instant now) {
        jdbc.sql("""
                insert into cases_waiting_finding (finding_id, type, market, provider, order_ref, payment_ref, customer_ref,
                    amount_minor, currency, summary, group_key, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (finding_id) do nothing""")
                .params(f.findingId(), f.type().name(), f.market(), f.provider(), f.orderRef(), f.paymentRef(),
                        f.customerRef(), f.amountAtRisk().minor(), f.amountAtRisk().currency().getCurrencyCode(),
                        f.summary(), f.group(), Timestamp.from(now)).update();
    }

    List<FindingOpened> waiting(int limit) {
        return jdbc.sql("""
                select finding_id, type, market, provider, order_ref, payment_ref, customer_ref, amount_minor, currency,
                       summary, group_key
                from cases_waiting_finding order by received_at, finding_id limit ?""").param(limit)
                .query((rs, n) -> new FindingOpened(rs.getObject(1, UUID.class), FindingType.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        Money.of(rs.getLong(8), rs.getString(9)), rs.getString(10), rs.getString(11))).list();
    }

    void handled(UUID findingId) {
        jdbc.sql("delete from cases_waiting_finding where finding_id = ?").param(findingId).update();
    }

    long waitingCount() {
        return jdbc.sql("select count(*) from cases_waiting_finding").query(Long.class).single();
    }

    /** The breaker: open since when and why, or empty when closed. */
    Optional<String[]> paused() {
        return jdbc.sql("select value from cases_setting where key = ?").param(PAUSED).query(String.class).optional()
                .map(v -> v.split("\\|", 2));
    }

    void pause(Instant at, String why) {
        jdbc.sql("insert into cases_setting (key, value) values (?, ?) on conflict (key) do nothing")
                .params(PAUSED, at + "|" + why).update();
    }

    void unpause() {
        jdbc.sql("delete from cases_setting where key = ?").param(PAUSED).update();
    }

    static @Nullable Instant pausedAt(Optional<String[]> paused) {
        return paused.map(p -> Instant.parse(p[0])).orElse(null);
    }
}
