package dev.paydesk.cases;

import java.util.Map;
import java.util.Optional;

import dev.paydesk.platform.PaydeskPrincipal;

/**
 * A side panel on the case page contributed by another module (knowledge suggestions, quality
 * checks, …). The case desk owns the page and this interface, so it depends on no contributor. A panel
 * renders a Thymeleaf fragment of its own module; the fragment reads the map as {@code panel}.
 */
public interface CasePanel {

    /** Position among the panels (lower first). */
    int order();

    /**
     * The panel for this case and user, or empty when it has nothing to show or the user may not see
     * it. Called while rendering the page, so it must be quick and must not change anything.
     */
    Optional<Panel> panel(CaseDetail c, PaydeskPrincipal user);

    /**
     * @param template the template holding the fragment, e.g. {@code knowledge/panels}
     * @param fragment the fragment's name in it, e.g. {@code suggestions}
     * @param model    what the fragment reads as {@code panel}
     */
    record Panel(String template, String fragment, Map<String, Object> model) {
    }
}
