package dev.paydesk.platform.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

import dev.paydesk.platform.AuditLog;

/**
 * A user's own UI sessions as Spring Session JDBC keeps them: when each began and was last used, and
 * the device (browser) and client address it was signed in from ({@link SessionLifetimeFilter} notes
 * them at the first request). A session is named by its row key, never by its id, which is the
 * cookie's secret.
 */
@Service
public class SessionDirectory {

    static final String DEVICE = "paydesk.session.device";
    static final String ADDRESS = "paydesk.session.address";

    private final JdbcClient jdbc;
    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;
    private final AuditLog audit;

    SessionDirectory(JdbcClient jdbc, ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository,
                     AuditLog audit) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.audit = audit;
    }

    /** One session of the user. */
    public record SessionView(String key, Instant started, Instant lastUsed, String device, String address,
                              boolean current) {
    }

    private record Row(String key, String id, long created, long lastAccess) {
    }

    public List<SessionView> sessions(String username, @Nullable String currentSessionId) {
        var sessions = repository.getIfAvailable();
        return jdbc.sql("""
                select primary_id, session_id, creation_time, last_access_time from spring_session
                where principal_name = :u order by last_access_time desc""").param("u", username)
                .query((rs, n) -> new Row(rs.getString(1).trim(), rs.getString(2).trim(), rs.getLong(3), rs.getLong(4)))
                .list().stream().map(r -> {
                    Session s = sessions == null ? null : sessions.findById(r.id());
                    return new SessionView(r.key(), Instant.ofEpochMilli(r.created()), Instant.ofEpochMilli(r.lastAccess()),
                            attribute(s, DEVICE), attribute(s, ADDRESS), r.id().equals(currentSessionId));
                }).toList();
    }

    private static String attribute(@Nullable Session session, String name) {
        Object value = session == null ? null : session.getAttribute(name);
        return value == null ? "unknown" : value.toString();
    }

    /** Signs out one of the user's sessions (not the current one); false when the user has no such session. */
    public boolean end(String username, String key, @Nullable String currentSessionId) {
        int ended = jdbc.sql("delete from spring_session where primary_id = :k and principal_name = :u and session_id <> :c")
                .param("k", key).param("u", username).param("c", currentSessionId == null ? "" : currentSessionId).update();
        if (ended > 0) {
            audit.record("session.ended", "user_session", username, null, null, Map.of("sessions", ended, "by", "owner"));
        }
        return ended > 0;
    }

    /** Signs out every other session of the user; returns how many there were. */
    public int endOthers(String username, String currentSessionId) {
        int ended = jdbc.sql("delete from spring_session where principal_name = :u and session_id <> :c")
                .param("u", username).param("c", currentSessionId).update();
        if (ended > 0) {
            audit.record("session.ended", "user_session", username, null, null, Map.of("sessions", ended, "by", "owner"));
        }
        return ended;
    }
}
