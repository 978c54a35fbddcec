package dev.paydesk.cases.internal;

import java.time.Instant;
import java.time.LocalDate;

import dev.paydesk.platform.BusinessCalendar;

/**
 * The PSD2 complaint reply deadline (Directive (EU) 2015/2366, Art. 101(2)): a reply within 15
 * business days of receiving the complaint, or in exceptional situations a holding reply and the final
 * one within 35 business days. The deadline is the end of the last business day in the market's zone.
 */
final class Psd2Deadline {

    static final int STANDARD_DAYS = 15;
    static final int EXCEPTIONAL_DAYS = 35;

    private Psd2Deadline() {
    }

    static Instant dueAt(Instant received, BusinessCalendar calendar, boolean exceptional) {
        LocalDate day = received.atZone(calendar.zone()).toLocalDate();
        LocalDate last = calendar.plusBusinessDays(day, exceptional ? EXCEPTIONAL_DAYS : STANDARD_DAYS);
        return last.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    }
}
