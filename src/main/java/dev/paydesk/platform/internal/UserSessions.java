package dev.paydesk.platform.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends every UI session of a user at once, through Spring Session's principal-name index. In the
 * server the session repository does it; a CLI command (no web context, so no repository) deletes
 * the same rows through the same index.
 */
@Component
class UserSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<?>> repository;
    private final JdbcClient jdbc;

    UserSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> repository, JdbcClient jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    /** Ends the sessions; returns how many there were. */
    int endAll(String username) {
        FindByIndexNameSessionRepository<?> sessions = repository.getIfAvailable();
        if (sessions == null) {
            return jdbc.sql("delete from spring_session where principal_name = :name").param("name", username).update();
        }
        var ids = sessions.findByPrincipalName(username).keySet();
        ids.forEach(sessions::deleteById);
        return ids.size();
    }
}
