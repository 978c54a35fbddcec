package dev.paydesk.insights;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.InvalidInputException;

/** Reads a {@link KpiRequest} from query parameters, rejecting unknown ones (so a typo is not a silent "all"). */
public final class KpiRequests {

    public static final Set<String> PARAMETERS = Set.of("from", "to", "market", "provider", "method", "queue",
            "category", "supplier", "priority", "by");

    private KpiRequests() {
    }

    /**
     * @param allowedExtra further parameters the caller accepts (paging, export format)
     */
    public static KpiRequest parse(Map<String, String[]> parameters, Set<String> allowedExtra) {
        TreeSet<String> unknown = new TreeSet<>(parameters.keySet());
        unknown.removeAll(PARAMETERS);
        unknown.removeAll(allowedExtra);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown.first(), "unknown filter " + unknown + "; known: "
                    + new TreeSet<>(PARAMETERS));
        }
        return new KpiRequest(date(parameters, "from"), date(parameters, "to"), one(parameters, "market"),
                one(parameters, "provider"), one(parameters, "method"), one(parameters, "queue"),
                one(parameters, "category"), one(parameters, "supplier"), one(parameters, "priority"),
                one(parameters, "by"));
    }

    private static @Nullable String one(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw new InvalidInputException(name, name + " given more than once");
        }
        return values[0];
    }

    private static LocalDate date(Map<String, String[]> parameters, String name) {
        String value = one(parameters, name);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name, "a period needs " + name + " (a date, e.g. 2026-11-01; to is exclusive)");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, name + " '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
