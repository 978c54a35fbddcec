package dev.paydesk.platform.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Formatting helpers for templates ({@code ${@fmt.dateTime(instant)}}). */
@Component("fmt")
class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    public String dateTime(@Nullable Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant);
    }

    public String date(@Nullable Instant instant) {
        return instant == null ? "—" : DATE.format(instant);
    }
}
