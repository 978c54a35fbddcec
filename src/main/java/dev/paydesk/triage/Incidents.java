package dev.paydesk.triage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.NotFoundException;
import dev.paydesk.triage.internal.TriageProperties;

/**
 * Hourly contact counts per category × provider × market × payment method, and the incidents the
 * {@link IncidentDetector} finds in them. The case desk calls {@link #observe} for each categorised
 * case; a scheduler (or {@code bin/paydesk triage incidents detect}) calls {@link #detect} after each hour.
 */
@Service
public class Incidents {

    private static final double PRIOR_HOURS = 2;
    private static final int MIN_COUNT = 5;

    private final JdbcClient jdbc;
    private final TriageProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Incidents(JdbcClient jdbc, TriageProperties properties, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** Counts one categorised contact (idempotent per item). */
    @Transactional
    public void observe(String itemRef, Cell cell, Instant at) {
        Timestamp hour = Timestamp.from(at.truncatedTo(ChronoUnit.HOURS));
        int inserted = jdbc.sql("""
                insert into triage_observations (item_ref, hour, category, provider, market, method) values (?, ?, ?, ?, ?, ?)
                on conflict (item_ref) do nothing""")
                .params(itemRef, hour, cell.category(), cell.provider(), cell.market(), cell.method()).update();
        if (inserted > 0) {
            addCount(hour.toInstant(), cell, 1);
        }
    }

    /**
     * An agent set or corrected an item's category: its count moves to the new category (same hour,
     * provider, market and method). Returns false when the item was never counted (it had no
     * category at intake), so the caller can count it now.
     */
    @Transactional
    public boolean recategorise(String itemRef, String category) {
        record Observation(Instant hour, Cell cell) {
        }
        Optional<Observation> old = jdbc.sql("select hour, category, provider, market, method from triage_observations"
                        + " where item_ref = ? for update")
                .params(itemRef).query((rs, i) -> new Observation(rs.getTimestamp(1).toInstant(),
                        new Cell(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))).optional();
        if (old.isEmpty()) {
            return false;
        }
        Cell before = old.get().cell();
        if (!before.category().equals(category)) {
            jdbc.sql("update triage_observations set category = ? where item_ref = ?").params(category, itemRef).update();
            addCount(old.get().hour(), before, -1);
            addCount(old.get().hour(), new Cell(category, before.provider(), before.market(), before.method()), 1);
        }
        return true;
    }

    /** Adds imported history (e.g. from the contact centre) without item references. */
    @Transactional
    public void addCount(Instant hour, Cell cell, int contacts) {
        jdbc.sql("""
                insert into triage_hourly_counts (hour, category, provider, market, method, contacts) values (?, ?, ?, ?, ?, ?)
                on conflict (hour, category, provider, market, method) do update
                    set contacts = triage_hourly_counts.contacts + excluded.contacts""")
                .params(Timestamp.from(hour.truncatedTo(ChronoUnit.HOURS)), cell.category(), cell.provider(), cell.market(),
                        cell.method(), contacts).update();
    }

    /** Tests the hour starting at {@code hour} against the history and opens an incident per alarm. */
    @Transactional
    public List<Incident> detect(Instant hour) {
        Instant start = hour.truncatedTo(ChronoUnit.HOURS);
        int historyHours = properties.incidentHistoryWeeks() * IncidentDetector.HOURS_PER_WEEK;
        Instant historyStart = start.minus(Duration.ofHours(historyHours));
        Map<Cell, Integer> observed = new HashMap<>();
        Map<Cell, int[]> history = new HashMap<>();
        jdbc.sql("select category, provider, market, method, hour, contacts from triage_hourly_counts where hour >= ? and hour <= ?")
                .params(Timestamp.from(historyStart), Timestamp.from(start))
                .query(rs -> {
                    Cell cell = new Cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                    Instant at = rs.getTimestamp(5).toInstant();
                    if (at.equals(start)) {
                        observed.put(cell, rs.getInt(6));
                    } else {
                        int index = (int) Duration.between(historyStart, at).toHours();
                        history.computeIfAbsent(cell, c -> new int[historyHours])[index] = rs.getInt(6);
                    }
                });
        IncidentDetector detector = new IncidentDetector(properties.incidentFdr(), PRIOR_HOURS, MIN_COUNT);
        int cellsTested = Math.max(observed.size(), history.size());
        return detector.detect(IncidentDetector.traffic(observed, history), cellsTested).stream()
                .map(alarm -> open(start, alarm)).toList();
    }

    private Incident open(Instant hour, IncidentDetector.Alarm alarm) {
        Cell c = alarm.cell();
        Long id = jdbc.sql("""
                insert into triage_incidents (hour, category, provider, market, method, observed, expected, p_value, status, opened_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)
                on conflict (hour, category, provider, market, method) do nothing returning id""")
                .params(Timestamp.from(hour), c.category(), c.provider(), c.market(), c.method(), alarm.observed(),
                        alarm.expected(), alarm.pValue(), Timestamp.from(clock.instant()))
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            return incidentAt(hour, c);
        }
        jdbc.sql("""
                insert into triage_incident_items (incident_id, item_ref)
                select ?, item_ref from triage_observations
                where hour = ? and category = ? and provider = ? and market = ? and method = ?""")
                .params(id, Timestamp.from(hour), c.category(), c.provider(), c.market(), c.method()).update();
        audit.record("triage.incident.opened", "triage_incident", String.valueOf(id), c.market(), null,
                Map.of("cell", c, "observed", alarm.observed(), "expected", alarm.expected(), "pValue", alarm.pValue()));
        events.publishEvent(new IncidentOpened(id, hour, c, alarm.observed(), alarm.expected(), alarm.pValue()));
        return incident(id);
    }

    @Transactional
    public Incident close(long id) {
        Incident before = incident(id);
        if (!"OPEN".equals(before.status())) {
            throw new ConflictException("incident " + id + " is already closed");
        }
        jdbc.sql("update triage_incidents set status = 'CLOSED', closed_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), id).update();
        audit.record("triage.incident.closed", "triage_incident", String.valueOf(id), before.cell().market(),
                Map.of("status", "OPEN"), Map.of("status", "CLOSED"));
        return incident(id);
    }

    public Incident incident(long id) {
        return jdbc.sql("select * from triage_incidents where id = ?").param(id).query(Incidents::row).optional()
                .orElseThrow(() -> new NotFoundException("incident " + id));
    }

    public List<Incident> recent(int limit) {
        return jdbc.sql("select * from triage_incidents order by hour desc, id desc limit ?").param(limit)
                .query(Incidents::row).list();
    }

    /** The cases counted in the incident's cell and hour (for the case desk's bulk clean-up). */
    public List<String> items(long id) {
        return jdbc.sql("select item_ref from triage_incident_items where incident_id = ? order by item_ref").param(id)
                .query(String.class).list();
    }

    private Incident incidentAt(Instant hour, Cell c) {
        return jdbc.sql("""
                select * from triage_incidents where hour = ? and category = ? and provider = ? and market = ? and method = ?""")
                .params(Timestamp.from(hour), c.category(), c.provider(), c.market(), c.method()).query(Incidents::row).single();
    }

    private static Incident row(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Incident(rs.getLong("id"), rs.getTimestamp("hour").toInstant(),
                new Cell(rs.getString("category"), rs.getString("provider"), rs.getString("market"), rs.getString("method")),
                rs.getInt("observed"), rs.getDouble("expected"), rs.getDouble("p_value"), rs.getString("status"),
                rs.getTimestamp("opened_at").toInstant(), closed == null ? null : closed.toInstant());
    }
}
