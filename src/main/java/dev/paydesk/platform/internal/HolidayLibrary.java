package dev.paydesk.platform.internal;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * National public holidays from the maintained Jollyday library, per country and year.
 * <p>
 * Jollyday finds its XML data source with {@code ServiceLoader.load(Class)}, which uses the calling thread's
 * context class loader, and caches the result for the life of the JVM, including an empty one. In the fat jar
 * the nested jars are visible only to the application's class loader; a ForkJoin common-pool thread (or any
 * thread whose context loader is null or another loader) sees none, and a first lookup there left every calendar
 * broken until restart. So every call into the library runs with the loader that loaded the library as the
 * context loader, and the library is initialised once, eagerly, when this bean is created.
 */
@Component
public class HolidayLibrary {

    private static final ClassLoader LIBRARY_LOADER = HolidayManager.class.getClassLoader();

    private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();

    HolidayLibrary() {
        if (publicHolidays("DE", 2026).isEmpty()) {
            throw new IllegalStateException("the holiday library answered no German public holidays for 2026");
        }
    }

    public boolean supports(String country) {
        return withLibraryLoader(() -> HolidayManager.getSupportedCalendarCodes())
                .contains(country.toUpperCase(Locale.ROOT));
    }

    public Map<LocalDate, String> publicHolidays(String country, int year) {
        if (!supports(country)) {
            return Map.of();
        }
        return withLibraryLoader(() -> {
            HolidayManager manager = managers.computeIfAbsent(country.toLowerCase(Locale.ROOT),
                    c -> HolidayManager.getInstance(ManagerParameters.create(c)));
            Set<Holiday> holidays = manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY);
            Map<LocalDate, String> result = new TreeMap<>();
            for (Holiday h : holidays) {
                result.merge(h.getActualDate(), h.getDescription(Locale.ENGLISH), (a, b) -> a + " / " + b);
            }
            return result;
        });
    }

    private static <T> T withLibraryLoader(Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(LIBRARY_LOADER);
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
