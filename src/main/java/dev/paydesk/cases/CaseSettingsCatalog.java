package dev.paydesk.cases;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What the settings pages list besides {@link CaseSettings}: every reply macro in every language and every
 * published SOP version, so a process manager sees and edits them without the API.
 */
public interface CaseSettingsCatalog {

    /** Every macro in every language, by code then language. */
    List<CaseWorkbench.Macro> macros();

    Optional<CaseWorkbench.Macro> macro(String code, String language);

    /** Every SOP version (newest first within a category and market) that the caller's markets see. */
    List<CaseWorkbench.Sop> sops();

    Optional<CaseWorkbench.Sop> sop(long id);

    /** The newest version for a category and market (null market: every market). */
    Optional<CaseWorkbench.Sop> latestSop(String category, @Nullable String market);
}
