package dev.paydesk.platform;

import java.time.LocalDate;
import java.util.List;

import dev.paydesk.shared.InvalidInputException;

/**
 * A dated exception to the weekly hours: the opening windows of one date (a shortened Christmas Eve, an extra
 * Saturday), or none for a date that is closed. It replaces the weekly hours of that date; a public holiday on
 * the date still closes it unless the holiday is marked worked.
 */
public record DatedHours(LocalDate date, String note, List<OpeningHours> hours) {

    public DatedHours {
        note = note == null ? "" : note.strip();
        if (note.length() > 200) {
            throw new InvalidInputException("note", "a note has at most 200 characters");
        }
        hours = List.copyOf(hours);
        for (OpeningHours h : hours) {
            if (h.day() != date.getDayOfWeek()) {
                throw new InvalidInputException("hours", date + " is a " + date.getDayOfWeek() + ", not a " + h.day());
            }
        }
        OpeningHours.checkNoOverlap(hours, "hours");
    }

    public boolean closed() {
        return hours.isEmpty();
    }
}
