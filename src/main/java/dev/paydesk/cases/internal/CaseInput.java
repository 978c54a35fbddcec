package dev.paydesk.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.CaseSummary;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/** Checks at the module's edge: the caller's market scope, required texts and tags. */
final class CaseInput {

    private CaseInput() {
    }

    /** A case of another market answers like an unknown one; background work is not scoped. */
    static void checkMarket(CaseSummary c) {
        checkMarket(c.key(), c.market());
    }

    static void checkMarket(String key, String market) {
        if (CurrentUser.principal().isPresent()) {
            CurrentUser.requireInScope(market, () -> new NotFoundException("case " + key + " not found"));
        }
    }

    static boolean canSee(String market) {
        return CurrentUser.principal().isEmpty() || CurrentUser.canAccessMarket(market);
    }

    static String required(String field, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " must not be empty");
        }
        String v = value.strip();
        if (v.length() > maxLength) {
            throw new InvalidInputException(field, field + " is longer than " + maxLength + " characters");
        }
        return v;
    }

    static List<String> normaliseTags(@Nullable List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String t : tags) {
            if (t != null && !t.isBlank()) {
                String tag = t.strip().toLowerCase(Locale.ROOT);
                if (!tag.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,49}")) {
                    throw new InvalidInputException("tags", "'" + t + "' is not a valid tag (letters, digits, . _ -)");
                }
                out.add(tag);
            }
        }
        return new ArrayList<>(out);
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
