package dev.paydesk.platform;

import java.util.Set;

/**
 * An entry in the UI's navigation, contributed as a bean by the module that serves the page. Only
 * built capabilities contribute entries, and a user sees those their roles allow.
 *
 * @param section heading the entry sits under (e.g. "Work", "Admin")
 * @param label text shown
 * @param path where it links
 * @param icon a short glyph name understood by the layout
 * @param roles roles that see it (empty: every signed-in user)
 * @param order position within its section
 */
public record NavItem(String section, String label, String path, String icon, Set<Role> roles, int order) {

    public NavItem {
        roles = Set.copyOf(roles);
    }

    public boolean visibleTo(PaydeskPrincipal user) {
        return roles.isEmpty() || roles.stream().anyMatch(user::hasRole);
    }
}
