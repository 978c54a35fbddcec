package dev.paydesk.platform.internal;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/** National public holidays from the maintained Jollyday library, per country and year. */
@Component
public class HolidayLibrary {

    private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();

    public boolean supports(String country) {
        return HolidayManager.getSupportedCalendarCodes().contains(country.toUpperCase(Locale.ROOT));
    }

    public Map<LocalDate, String> publicHolidays(String country, int year) {
        if (!supports(country)) {
            return Map.of();
        }
        HolidayManager manager = managers.computeIfAbsent(country.toLowerCase(Locale.ROOT),
                c -> HolidayManager.getInstance(ManagerParameters.create(c)));
        Set<Holiday> holidays = manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY);
        Map<LocalDate, String> result = new TreeMap<>();
        for (Holiday h : holidays) {
            result.merge(h.getActualDate(), h.getDescription(Locale.ENGLISH), (a, b) -> a + " / " + b);
        }
        return result;
    }
}
