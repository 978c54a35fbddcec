package dev.paydesk.platform.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.DatedHours;
import dev.paydesk.platform.OpeningHours;
import dev.paydesk.shared.NotFoundException;

/** Dated exceptions to a market's weekly hours (a shortened Christmas Eve, an extra Saturday, a closed date). */
@Service
public class DatedHoursService {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CalendarCache calendars;

    DatedHoursService(JdbcClient jdbc, AuditLog audit, CalendarCache calendars) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.audit = audit;
    }

    /** The market's dated exceptions in date order (the caller has checked that the market exists). */
    public List<DatedHours> of(String market) {
        Map<LocalDate, List<OpeningHours>> windows = new LinkedHashMap<>();
        Map<LocalDate, String> notes = new LinkedHashMap<>();
        jdbc.sql("select day, note from platform_dated_hours where market_code = :m order by day").param("m", market)
                .query(rs -> {
                    LocalDate day = rs.getObject("day", LocalDate.class);
                    notes.put(day, rs.getString("note"));
                    windows.put(day, new ArrayList<>());
                });
        jdbc.sql("select * from platform_dated_hours_window where market_code = :m order by day, opens")
                .param("m", market)
                .query(rs -> {
                    LocalDate day = rs.getObject("day", LocalDate.class);
                    windows.get(day).add(new OpeningHours(day.getDayOfWeek(), MarketService.time(rs, "opens", false),
                            MarketService.time(rs, "closes", true)));
                });
        return notes.entrySet().stream().map(e -> new DatedHours(e.getKey(), e.getValue(), windows.get(e.getKey())))
                .toList();
    }

    public Optional<DatedHours> on(String market, LocalDate day) {
        return of(market).stream().filter(d -> d.date().equals(day)).findFirst();
    }

    /** Sets (or replaces) the hours of one date; no windows means the date is closed. */
    @Transactional
    public void put(String market, DatedHours hours) {
        Optional<DatedHours> before = on(market, hours.date());
        jdbc.sql("""
                insert into platform_dated_hours (market_code, day, note) values (:m, :d, :n)
                on conflict (market_code, day) do update set note = excluded.note""")
                .param("m", market).param("d", hours.date()).param("n", hours.note()).update();
        jdbc.sql("delete from platform_dated_hours_window where market_code = :m and day = :d")
                .param("m", market).param("d", hours.date()).update();
        for (OpeningHours h : hours.hours()) {
            jdbc.sql("""
                    insert into platform_dated_hours_window (market_code, day, opens, closes)
                    values (:m, :d, :o, cast(:c as time))""")
                    .param("m", market).param("d", hours.date()).param("o", h.opens())
                    .param("c", MarketService.storedClosing(h)).update();
        }
        audit.record("market.dated_hours_set", "market", market, market, before.orElse(null), hours);
        calendars.changed();
    }

    @Transactional
    public void remove(String market, LocalDate day) {
        DatedHours before = on(market, day)
                .orElseThrow(() -> new NotFoundException("no dated hours on " + day + " for " + market));
        jdbc.sql("delete from platform_dated_hours where market_code = :m and day = :d")
                .param("m", market).param("d", day).update();
        audit.record("market.dated_hours_removed", "market", market, market, before, null);
        calendars.changed();
    }
}
