package dev.paydesk.workforce.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.paydesk.shared.Money;
import dev.paydesk.workforce.Channel;
import dev.paydesk.workforce.ContactQueue;
import dev.paydesk.workforce.Downtime;
import dev.paydesk.workforce.IntervalStat;
import dev.paydesk.workforce.Supplier;

/** SQL for the workforce tables. Interval rows are upserted on (queue, interval, supplier), so ingest is idempotent. */
@Repository
public class WorkforceStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    WorkforceStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public List<ContactQueue> queues() {
        return jdbc.sql("select * from workforce_queue order by market, code").query(WorkforceStore::queue).list();
    }

    public Optional<ContactQueue> queue(String code) {
        return jdbc.sql("select * from workforce_queue where code = ?").param(code).query(WorkforceStore::queue).optional();
    }

    public void insertQueue(ContactQueue q, Instant now) {
        jdbc.sql("""
                insert into workforce_queue (code, name, channel, skill, market, language, interval_minutes, aht_seconds,
                  patience_seconds, sl_target, sl_seconds, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(q.code(), q.name(), q.channel().name(), q.skill(), q.market(), q.language(), q.intervalMinutes(),
                        q.ahtSeconds(), q.patienceSeconds(), q.slTarget(), q.slSeconds(), Timestamp.from(now))
                .update();
    }

    public List<Supplier> suppliers() {
        return jdbc.sql("select * from workforce_supplier order by code").query(WorkforceStore::supplier).list();
    }

    public Optional<Supplier> supplier(String code) {
        return jdbc.sql("select * from workforce_supplier where code = ?").param(code).query(WorkforceStore::supplier)
                .optional();
    }

    public void insertSupplier(Supplier s, Instant now) {
        template.update(con -> {
            var ps = con.prepareStatement("""
                    insert into workforce_supplier (code, name, skills, cost_per_hour_minor, currency, qa_score, fcr,
                      min_agents, max_agents, created_at) values (?,?,?,?,?,?,?,?,?,?)""");
            ps.setString(1, s.code());
            ps.setString(2, s.name());
            ps.setArray(3, con.createArrayOf("varchar", s.skills().toArray()));
            ps.setLong(4, s.costPerHour().minor());
            ps.setString(5, s.costPerHour().currency().getCurrencyCode());
            ps.setDouble(6, s.qaScore());
            ps.setDouble(7, s.fcr());
            ps.setInt(8, s.minAgents());
            ps.setInt(9, s.maxAgents());
            ps.setTimestamp(10, Timestamp.from(now));
            return ps;
        });
    }

    public int upsert(List<IntervalStat> stats, Instant now) {
        int[][] counts = template.batchUpdate("""
                insert into workforce_interval_stat (queue_code, supplier_code, interval_start, offered, answered, abandoned,
                  answered_within_target, handle_time_s, wait_time_s, agents_staffed, updated_at) values (?,?,?,?,?,?,?,?,?,?,?)
                on conflict (queue_code, interval_start, supplier_code) do update set offered = excluded.offered,
                  answered = excluded.answered, abandoned = excluded.abandoned,
                  answered_within_target = excluded.answered_within_target, handle_time_s = excluded.handle_time_s,
                  wait_time_s = excluded.wait_time_s,
                  agents_staffed = excluded.agents_staffed, updated_at = excluded.updated_at""", stats, 500, (ps, s) -> {
                    ps.setString(1, s.queue());
                    ps.setString(2, s.supplier());
                    ps.setTimestamp(3, Timestamp.from(s.intervalStart()));
                    ps.setInt(4, s.offered());
                    ps.setInt(5, s.answered());
                    ps.setInt(6, s.abandoned());
                    ps.setInt(7, s.answeredWithinTarget());
                    ps.setLong(8, s.handleTimeSeconds());
                    ps.setLong(9, s.waitTimeSeconds());
                    ps.setObject(10, s.agentsStaffed());
                    ps.setTimestamp(11, Timestamp.from(now));
                });
        return Arrays.stream(counts).mapToInt(c -> c.length).sum();
    }

    public List<IntervalStat> stats(String queue, Instant from, Instant to) {
        return jdbc.sql("""
                select * from workforce_interval_stat where queue_code = ? and interval_start >= ? and interval_start < ?
                order by interval_start, supplier_code""")
                .params(queue, Timestamp.from(from), Timestamp.from(to)).query(WorkforceStore::stat).list();
    }

    public boolean hasStats(String queue) {
        return jdbc.sql("select exists (select 1 from workforce_interval_stat where queue_code = ?)").param(queue)
                .query(Boolean.class).single();
    }

    public List<Downtime> downtimes(Instant from, Instant to) {
        return jdbc.sql("select * from workforce_downtime where starts_at < ? and ends_at > ? order by starts_at")
                .params(Timestamp.from(to), Timestamp.from(from)).query(WorkforceStore::downtime).list();
    }

    public void insertDowntime(Downtime d, Instant now) {
        jdbc.sql("""
                insert into workforce_downtime (id, queue_code, title, starts_at, ends_at, volume_uplift, aht_change, created_at)
                values (?,?,?,?,?,?,?,?)""")
                .params(d.id(), d.queue(), d.title(), Timestamp.from(d.startsAt()), Timestamp.from(d.endsAt()),
                        d.volumeUplift(), d.ahtChange(), Timestamp.from(now))
                .update();
    }

    private static ContactQueue queue(ResultSet rs, int row) throws SQLException {
        return new ContactQueue(rs.getString("code"), rs.getString("name"), Channel.valueOf(rs.getString("channel")),
                rs.getString("skill"), rs.getString("market"), rs.getString("language"), rs.getInt("interval_minutes"),
                rs.getInt("aht_seconds"), rs.getInt("patience_seconds"), rs.getDouble("sl_target"),
                rs.getInt("sl_seconds"));
    }

    private static Supplier supplier(ResultSet rs, int row) throws SQLException {
        Array skills = rs.getArray("skills");
        List<String> list = skills == null ? List.of() : Arrays.stream((Object[]) skills.getArray()).map(String::valueOf).toList();
        return new Supplier(rs.getString("code"), rs.getString("name"), list,
                Money.of(rs.getLong("cost_per_hour_minor"), rs.getString("currency")), rs.getDouble("qa_score"),
                rs.getDouble("fcr"), rs.getInt("min_agents"), rs.getInt("max_agents"));
    }

    private static IntervalStat stat(ResultSet rs, int row) throws SQLException {
        double staffed = rs.getDouble("agents_staffed");
        @Nullable Double agents = rs.wasNull() ? null : staffed;
        return new IntervalStat(rs.getString("queue_code"), rs.getString("supplier_code"),
                rs.getTimestamp("interval_start").toInstant(), rs.getInt("offered"), rs.getInt("answered"),
                rs.getInt("abandoned"), rs.getInt("answered_within_target"), rs.getLong("handle_time_s"),
                rs.getLong("wait_time_s"), agents);
    }

    private static Downtime downtime(ResultSet rs, int row) throws SQLException {
        return new Downtime(rs.getObject("id", UUID.class), rs.getString("queue_code"), rs.getString("title"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getDouble("volume_uplift"), rs.getDouble("aht_change"));
    }
}
