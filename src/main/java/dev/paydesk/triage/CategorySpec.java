package dev.paydesk.triage;

import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.InvalidInputException;

/** What a process manager enters for a category; validated on construction. */
public record CategorySpec(String code, @Nullable String parentCode, Map<String, String> names, @Nullable String description,
                           @Nullable String defaultQueue, @Nullable String sopRef) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    public CategorySpec {
        code = code == null ? "" : code.strip();
        if (!CODE.matcher(code).matches()) {
            throw new InvalidInputException("code", "lower-case letters, digits, '.', '_' or '-', at most 64 characters");
        }
        parentCode = blankToNull(parentCode);
        names = names == null ? Map.of() : Map.copyOf(names);
        if (names.isEmpty() || names.values().stream().anyMatch(String::isBlank)) {
            throw new InvalidInputException("names", "give at least one name, e.g. en=Refund missing");
        }
        if (names.keySet().stream().anyMatch(l -> !LANGUAGE.matcher(l).matches())) {
            throw new InvalidInputException("names", "names are keyed by ISO 639 language codes such as en, de");
        }
        description = blankToNull(description);
        defaultQueue = blankToNull(defaultQueue);
        sopRef = blankToNull(sopRef);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
