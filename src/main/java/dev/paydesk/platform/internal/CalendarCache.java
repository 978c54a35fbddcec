package dev.paydesk.platform.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.paydesk.platform.BusinessCalendar;
import dev.paydesk.platform.ClusterNotifications;

/**
 * The markets' business calendars, built once and kept in memory: every case read computes clocks on its
 * market's calendar, and building one takes several queries (market, hours, dated hours, overrides, holiday
 * sets) plus the holiday library. Every change to anything a calendar is built from calls {@link #changed()},
 * which forgets all calendars on every node ({@link ClusterNotifications}, topic {@value #TOPIC}), so a change
 * applies everywhere within a moment. A change made in the database by hand is seen after
 * {@code select pg_notify('paydesk_cluster', 'platform.calendars')} or a restart.
 */
@Component
class CalendarCache {

    static final String TOPIC = "platform.calendars";

    private final Map<String, BusinessCalendar> calendars = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final ClusterNotifications cluster;

    CalendarCache(ClusterNotifications cluster) {
        this.cluster = cluster;
        cluster.subscribe(TOPIC, () -> {
            changes.incrementAndGet();
            calendars.clear();
        });
    }

    /** The market's calendar, built by {@code build} unless known; one built while a change was announced is not kept. */
    BusinessCalendar get(String market, Function<String, BusinessCalendar> build) {
        BusinessCalendar known = calendars.get(market);
        if (known != null) {
            return known;
        }
        long seen = changes.get();
        BusinessCalendar built = build.apply(market);
        if (changes.get() == seen) {
            calendars.putIfAbsent(market, built);
            if (changes.get() != seen) { // a change came in between the check and the put
                calendars.remove(market, built);
            }
        }
        return built;
    }

    /** Announces that a calendar's sources changed (inside the writer's transaction: again once it ends). */
    void changed() {
        cluster.publish(TOPIC);
    }
}
