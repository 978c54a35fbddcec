package dev.paydesk.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.CaseClockAlert;
import dev.paydesk.cases.CaseNotifications.Notification;
import dev.paydesk.platform.UserDirectory;

/**
 * In-app and e-mail notifications: a clock warning or breach goes to the assignee, or to the queue's
 * members when nobody holds the case.
 */
@Component
class Notifications implements dev.paydesk.cases.CaseNotifications {

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
            int inserted = jdbc.sql("""
                    insert into cases_notification (username, case_id, kind, text, created_at) values (?, ?, ?, ?, ?)
                    on conflict (username, case_id, kind, text) do nothing""")
                    .params(user, alert.caseId(), alert.breached() ? "BREACH" : "WARNING", text, Timestamp.from(clock.instant()))
                    .update();
            if (inserted == 1) {
                users.user(user).flatMap(UserDirectory.User::email)
                        .ifPresent(address -> mail.notify(address, "[Paydesk] " + text, text));
            }
        }
    }

    @Override
    public List<Notification> unread(String username) {
        return jdbc.sql("""
                select id, case_id, kind, text, created_at from cases_notification
                where username = ? and read_at is null order by created_at desc limit 50""")
                .param(username).query((rs, n) -> new Notification(rs.getLong(1), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant())).list();
    }

    @Override
    public void markRead(String username) {
        jdbc.sql("update cases_notification set read_at = ? where username = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), username).update();
    }
}
