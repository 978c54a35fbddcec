package dev.paydesk.platform.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/**
 * Company-wide holiday sets: named lists of closed dates (a company's shutdown days, a group calendar) that
 * several markets reference in addition to, or instead of, their national holidays.
 */
@Service
public class HolidaySetService {

    private static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9 _.-]{0,59}";
    private static final int MAX_DAYS = 2000;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CalendarCache calendars;

    HolidaySetService(JdbcClient jdbc, AuditLog audit, CalendarCache calendars) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.audit = audit;
    }

    /** A set with its dates and the markets that use it. */
    public record HolidaySet(String name, String description, SortedMap<LocalDate, String> days, List<String> markets) {
    }

    public List<HolidaySet> all() {
        return jdbc.sql("select name from platform_holiday_set order by name").query(String.class).list().stream()
                .map(this::require).toList();
    }

    public Optional<HolidaySet> find(String name) {
        return jdbc.sql("select description from platform_holiday_set where name = :n").param("n", name)
                .query(String.class).optional()
                .map(description -> new HolidaySet(name, description, days(List.of(name)), marketsUsing(name)));
    }

    public HolidaySet require(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("holiday set '" + name + "' does not exist"));
    }

    /** Creates the set or replaces its description and every date. */
    @Transactional
    public HolidaySet put(String name, @Nullable String description, Map<LocalDate, String> days) {
        if (name == null || !name.matches(NAME_PATTERN)) {
            throw new InvalidInputException("name", "a holiday set's name has 1 to 60 letters, digits, spaces, '_', '.'"
                    + " or '-' and starts with a letter or digit");
        }
        if (days.size() > MAX_DAYS) {
            throw new InvalidInputException("days", "a holiday set holds at most " + MAX_DAYS + " dates");
        }
        days.forEach((day, dayName) -> {
            if (dayName == null || dayName.isBlank() || dayName.length() > 200) {
                throw new InvalidInputException("days", day + ": each date needs a name of 1 to 200 characters");
            }
        });
        Optional<HolidaySet> before = find(name);
        jdbc.sql("""
                insert into platform_holiday_set (name, description) values (:n, :d)
                on conflict (name) do update set description = excluded.description,
                    version = platform_holiday_set.version + 1""")
                .param("n", name).param("d", description == null ? "" : description.strip()).update();
        jdbc.sql("delete from platform_holiday_set_day where set_name = :n").param("n", name).update();
        days.forEach((day, dayName) -> jdbc.sql("insert into platform_holiday_set_day (set_name, day, name) values (:n, :d, :dn)")
                .param("n", name).param("d", day).param("dn", dayName.strip()).update());
        HolidaySet after = require(name);
        audit.record(before.isPresent() ? "holiday_set.changed" : "holiday_set.created", "holiday_set", name, null,
                before.orElse(null), after);
        calendars.changed();
        return after;
    }

    /** Deletes a set that no market uses any more. */
    @Transactional
    public void delete(String name) {
        HolidaySet before = require(name);
        if (!before.markets().isEmpty()) {
            throw new ConflictException("holiday set '" + name + "' is used by " + String.join(", ", before.markets())
                    + "; remove it from those markets first");
        }
        jdbc.sql("delete from platform_holiday_set where name = :n").param("n", name).update();
        audit.record("holiday_set.deleted", "holiday_set", name, null, before, null);
        calendars.changed();
    }

    public List<String> marketsUsing(String name) {
        return jdbc.sql("select market_code from platform_market_holiday_set where set_name = :n order by market_code")
                .param("n", name).query(String.class).list();
    }

    public List<String> setsOf(String market) {
        return jdbc.sql("select set_name from platform_market_holiday_set where market_code = :m order by set_name")
                .param("m", market).query(String.class).list();
    }

    /** Sets the holiday sets a market uses (the caller has checked that the market exists). */
    @Transactional
    public void useSets(String market, List<String> names) {
        List<String> distinct = names.stream().distinct().sorted().toList();
        for (String n : distinct) {
            if (find(n).isEmpty()) {
                throw new InvalidInputException("holidaySets", "holiday set '" + n + "' does not exist");
            }
        }
        List<String> before = setsOf(market);
        jdbc.sql("delete from platform_market_holiday_set where market_code = :m").param("m", market).update();
        distinct.forEach(n -> jdbc.sql("insert into platform_market_holiday_set (market_code, set_name) values (:m, :n)")
                .param("m", market).param("n", n).update());
        audit.record("market.holiday_sets_changed", "market", market, market, before, distinct);
        calendars.changed();
    }

    /** The dates of the given sets within a year; a date in several sets joins their names. */
    public SortedMap<LocalDate, String> days(List<String> sets, int year) {
        SortedMap<LocalDate, String> result = new TreeMap<>();
        if (sets.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                select day, name from platform_holiday_set_day
                where set_name in (:sets) and day >= :from and day < :to order by day, set_name""")
                .param("sets", sets).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .query(rs -> {
                    result.merge(rs.getObject("day", LocalDate.class), rs.getString("name"), (a, b) -> a + " / " + b);
                });
        return result;
    }

    private SortedMap<LocalDate, String> days(List<String> sets) {
        SortedMap<LocalDate, String> result = new TreeMap<>();
        jdbc.sql("select day, name from platform_holiday_set_day where set_name in (:sets) order by day")
                .param("sets", sets)
                .query(rs -> {
                    result.put(rs.getObject("day", LocalDate.class), rs.getString("name"));
                });
        return result;
    }
}
