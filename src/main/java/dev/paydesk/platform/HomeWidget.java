package dev.paydesk.platform;

import java.util.Map;
import java.util.Optional;

/**
 * A panel on the home page contributed by a module (the platform owns the page and this interface, so it
 * depends on no contributor). A widget renders a Thymeleaf fragment of its own module with its model.
 */
public interface HomeWidget {

    /** Position on the page (lower first). */
    int order();

    /** The panel for this user, or empty when the user should not see it (role, market scope). */
    Optional<Panel> panel(PaydeskPrincipal user);

    /**
     * @param template the template holding the fragment, e.g. {@code insights/widgets}
     * @param fragment the fragment's name in it, e.g. {@code overview}
     * @param model what the fragment reads as {@code widget}
     */
    record Panel(String template, String fragment, Map<String, Object> model) {
    }
}
