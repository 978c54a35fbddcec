package dev.paydesk.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.CaseChanged;
import dev.paydesk.cases.CaseClockAlert;
import dev.paydesk.cases.CaseCreated;
import dev.paydesk.cases.CaseNotifications.Notification;
import dev.paydesk.cases.EntryKind;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.UserDirectory;

/**
 * In-app and e-mail notifications: a clock warning or breach goes to the assignee, or to the queue's
 * members when nobody holds the case; an assignment to the new assignee (unless they took the case
 * themselves); a note to every user it mentions as {@code @username}; a money action waiting for approval
 * to the approvers of the case's market (never the requester). Each is stored once per user, case, kind and text.
 */
@Component
class Notifications implements dev.paydesk.cases.CaseNotifications {

    /** {@code @username} in a note; a trailing full stop or comma is not part of the name. */
    static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([A-Za-z0-9][A-Za-z0-9._-]{0,62}[A-Za-z0-9]|[A-Za-z0-9])");

    private final JdbcClient jdbc;
    private final OutboundMail mail;
    private final UserDirectory users;
    private final Clock clock;

    Notifications(JdbcClient jdbc, OutboundMail mail, UserDirectory users, Clock clock) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.users = users;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CaseClockAlert alert) {
        List<String> recipients = alert.assignee() != null ? List.of(alert.assignee())
                : jdbc.sql("""
                        select m.username from cases_queue_member m join cases_case c on c.queue_code = m.queue_code
                        where c.id = ?""").param(alert.caseId()).query(String.class).list();
        String what = alert.clock().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        String text = alert.breached() ? alert.key() + ": " + what + " breached"
                : alert.key() + ": " + what + " due at " + alert.dueAt();
        for (String user : recipients) {
            if (store(user, alert.caseId(), alert.breached() ? "BREACH" : "WARNING", text)) {
                users.user(user).flatMap(UserDirectory.User::email)
                        .ifPresent(address -> mail.notify(address, "[Paydesk] " + text, text));
            }
        }
    }

    /** A case routed to someone when it was opened. */
    @ApplicationModuleListener
    void on(CaseCreated created) {
        jdbc.sql("select assignee from cases_case where id = ? and assignee is not null").param(created.caseId())
                .query(String.class).optional()
                .ifPresent(assignee -> store(assignee, created.caseId(), "ASSIGNED", created.key() + " · " + created.subject()));
    }

    /** Assignments to someone other than the person who made them, and mentions in notes. */
    @ApplicationModuleListener
    void on(CaseChanged changed) {
        if (changed.change() == EntryKind.ASSIGNED && changed.data().get("assignee") instanceof String assignee
                && !assignee.isBlank()) {
            String author = latestAuthor(changed, EntryKind.ASSIGNED);
            if (!assignee.equals(author)) {
                store(assignee, changed.caseId(), "ASSIGNED", changed.key() + " · " + subject(changed.caseId()));
            }
        } else if (changed.change() == EntryKind.NOTE) {
            jdbc.sql("select author, body from cases_entry where case_id = ? and kind = 'NOTE' and at between ? and ? order by id desc limit 1")
                    .params(changed.caseId(), around(changed.at(), -1), around(changed.at(), 1))
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                    .ifPresent(note -> {
                        for (String user : mentions(note[1])) {
                            Optional<UserDirectory.User> u = users.user(user);
                            if (!user.equals(note[0]) && u.isPresent() && u.get().enabled()
                                    && (u.get().allMarkets() || u.get().markets().contains(changed.market()))) {
                                store(user, changed.caseId(), "MENTION", changed.key() + " · " + note[0] + ": " + snippet(note[1]));
                            }
                        }
                    });
        }
    }

    /** A money action on the case waits for approval: every approver of its market but the requester hears of it. */
    void approvalWaiting(UUID caseId, String key, String market, String requestedBy, String what, Set<Role> approverRoles) {
        for (UserDirectory.User u : users.users()) {
            if (!u.username().equals(requestedBy) && u.enabled() && u.roles().stream().anyMatch(approverRoles::contains)
                    && (u.allMarkets() || u.markets().contains(market))) {
                store(u.username(), caseId, "APPROVAL", key + " · " + what);
            }
        }
    }

    static Set<String> mentions(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 120 ? flat : flat.substring(0, 119) + "…";
    }

    private String subject(UUID caseId) {
        return jdbc.sql("select subject from cases_case where id = ?").param(caseId).query(String.class).optional().orElse("");
    }

    private String latestAuthor(CaseChanged changed, EntryKind kind) {
        return jdbc.sql("select author from cases_entry where case_id = ? and kind = ? and at between ? and ? order by id desc limit 1")
                .params(changed.caseId(), kind.name(), around(changed.at(), -1), around(changed.at(), 1))
                .query(String.class).optional().orElse("");
    }

    /** The entry's time a microsecond either side (PostgreSQL keeps microseconds; the event may carry nanoseconds). */
    private static Timestamp around(java.time.Instant at, int micros) {
        return Timestamp.from(at.plus(micros, java.time.temporal.ChronoUnit.MICROS));
    }

    /** Stores the notification unless the user already has it; true when it is new. */
    private boolean store(String username, UUID caseId, String kind, String text) {
        return jdbc.sql("""
                insert into cases_notification (username, case_id, kind, text, created_at) values (?, ?, ?, ?, ?)
                on conflict (username, case_id, kind, text) do nothing""")
                .params(username, caseId, kind, text, Timestamp.from(clock.instant())).update() == 1;
    }

    private static final String COLUMNS = """
            select n.id, n.case_id, c.number, n.kind, n.text, n.created_at, n.read_at is not null
            from cases_notification n left join cases_case c on c.id = n.case_id""";

    private static Notification row(ResultSet rs, int n) throws SQLException {
        long number = rs.getLong(3);
        return new Notification(rs.getLong(1), rs.getObject(2, UUID.class), rs.wasNull() ? null : "PD-" + number,
                rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getBoolean(7));
    }

    @Override
    public List<Notification> unread(String username) {
        return jdbc.sql(COLUMNS + " where n.username = ? and n.read_at is null order by n.created_at desc, n.id desc limit 50")
                .param(username).query(Notifications::row).list();
    }

    @Override
    public List<Notification> recent(String username, int limit) {
        return jdbc.sql(COLUMNS + " where n.username = ? order by n.read_at is not null, n.created_at desc, n.id desc limit ?")
                .params(username, Math.max(1, Math.min(limit, 200))).query(Notifications::row).list();
    }

    @Override
    public long unreadCount(String username) {
        return jdbc.sql("select count(*) from cases_notification where username = ? and read_at is null")
                .param(username).query(Long.class).single();
    }

    @Override
    public void markRead(String username) {
        jdbc.sql("update cases_notification set read_at = ? where username = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), username).update();
    }

    @Override
    public Optional<Notification> markRead(String username, long id) {
        jdbc.sql("update cases_notification set read_at = coalesce(read_at, ?) where username = ? and id = ?")
                .params(Timestamp.from(clock.instant()), username, id).update();
        return jdbc.sql(COLUMNS + " where n.username = ? and n.id = ?").params(username, id).query(Notifications::row).optional();
    }
}
