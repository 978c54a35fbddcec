package dev.paydesk.cases;

import java.util.List;
import java.util.Optional;

/**
 * The team's category taxonomy as the case desk needs it, provided by the module that owns it
 * (triage). Without one, categories are free codes.
 */
public interface CategoryDirectory {

    /** Selectable categories: code, display name in the given language, default queue. */
    List<Entry> categories(String language);

    Optional<Entry> category(String code, String language);

    record Entry(String code, String name, @org.jspecify.annotations.Nullable String defaultQueue) {
    }
}
