package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.paydesk.platform.BusinessCalendar;
import dev.paydesk.platform.ClusterNotifications;

/** The calendar cache without Spring: built once, forgotten on a change announced by any node. */
class CalendarCacheTests {

    /** Subscribers called at once on publish, as {@link PgClusterNotifications} does on the publishing node. */
    static final class LocalNotifications implements ClusterNotifications {
        final Map<String, List<Runnable>> subscribers = new HashMap<>();

        @Override
        public void publish(String topic) {
            subscribers.getOrDefault(topic, List.of()).forEach(Runnable::run);
        }

        @Override
        public void subscribe(String topic, Runnable onChange) {
            subscribers.computeIfAbsent(topic, t -> new ArrayList<>()).add(onChange);
        }
    }

    private final LocalNotifications cluster = new LocalNotifications();
    private final CalendarCache cache = new CalendarCache(cluster);
    private final AtomicInteger builds = new AtomicInteger();

    private BusinessCalendar build(String market) {
        builds.incrementAndGet();
        return new BusinessCalendar(ZoneId.of("Europe/Berlin"), List.of(), year -> new TreeMap<>());
    }

    @Test
    void aCalendarIsBuiltOncePerMarketAndReused() {
        BusinessCalendar first = cache.get("DE", this::build);
        assertThat(cache.get("DE", this::build)).isSameAs(first);
        cache.get("AT", this::build);
        assertThat(builds).hasValue(2);
    }

    @Test
    void aChangeAnnouncedOnAnyNodeForgetsEveryCalendar() {
        BusinessCalendar before = cache.get("DE", this::build);
        cluster.publish(CalendarCache.TOPIC); // as the listener does when another node announced a change
        assertThat(cache.get("DE", this::build)).isNotSameAs(before);
        cache.changed();
        cache.get("DE", this::build);
        assertThat(builds).hasValue(3);
    }

    @Test
    void aCalendarBuiltWhileAChangeWasAnnouncedIsNotKept() {
        BusinessCalendar raced = cache.get("DE", market -> {
            BusinessCalendar read = build(market); // read the old hours ...
            cache.changed(); // ... while another writer commits new ones
            return read;
        });
        assertThat(cache.get("DE", this::build)).isNotSameAs(raced);
        assertThat(builds).hasValue(2);
    }
}
