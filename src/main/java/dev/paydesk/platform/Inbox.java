package dev.paydesk.platform;

import java.util.Optional;

/**
 * The notification bell in the page header, contributed by the module that keeps a user's notifications (the
 * platform owns the layout and this interface, so it depends on no contributor).
 */
public interface Inbox {

    /** The bell for this user, or empty when they have no notifications to look at (role). */
    Optional<Bell> bell(PaydeskPrincipal user);

    /**
     * @param unread how many notifications the user has not read
     * @param drawerPath where the drawer's list is fetched from (an htmx fragment; also a full page)
     */
    record Bell(long unread, String drawerPath) {
    }
}
