package dev.paydesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.SupplierDirectory;
import dev.paydesk.platform.UserAffiliations;
import dev.paydesk.platform.UserDirectory;
import dev.paydesk.platform.internal.UserAccount;

/** A user's unread announcements come from one query, however many announcements there are. */
@SpringBootTest
class AnnouncementsUnreadTests extends PlatformTestSupport {

    @Autowired
    Announcements announcements;
    @Autowired
    DataSource dataSource;
    @Autowired
    UserDirectory directory;
    @Autowired
    UserAffiliations affiliations;
    @Autowired
    SupplierDirectory suppliers;
    @Autowired
    AuditLog audit;
    @Autowired
    Clock clock;

    @Test
    void theUnreadAnnouncementsOfAUserAreOneQueryAndLeaveOutWhatTheyConfirmedOrWasNotForThem() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        List<UUID> ids = new ArrayList<>();
        asSystem(() -> {
            for (int i = 0; i < 6; i++) {
                ids.add(announcements.publish("Unread check " + i, "Read me.", List.of("AGENT"), List.of("DE"), null, null).id());
            }
            ids.add(announcements.publish("For specialists", "Not for agents.", List.of("SPECIALIST"), List.of(), null, null).id());
        });
        as(agent, () -> {
            announcements.confirmRead(ids.get(1));
            announcements.confirmRead(ids.get(4));
            return null;
        });

        AtomicInteger statements = new AtomicInteger();
        Announcements counted = new Announcements(JdbcClient.create(counting(dataSource, statements)), directory,
                affiliations, suppliers, audit, clock);
        List<UUID> unread = as(agent, counted::unread).stream().map(Announcements.Announcement::id).filter(ids::contains).toList();

        assertThat(unread).containsExactlyInAnyOrder(ids.get(0), ids.get(2), ids.get(3), ids.get(5));
        assertThat(statements.get()).as("statements for 7 announcements, 2 of them read").isEqualTo(1);
    }

    @Test
    void readingTheUnreadAnnouncementsGivesItsConnectionBack() {
        // outside a transaction, as the bell and the API call it: a result stream left open kept its pooled
        // connection, and the 21st call waited 30 s for one (the whole suite's access matrix ran the pool dry)
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        AtomicInteger read = new AtomicInteger();
        as(agent, () -> {
            for (int i = 0; i < 30; i++) {
                announcements.unread();
                read.incrementAndGet();
            }
            return null;
        });
        assertThat(read).hasValue(30);
    }

    /** The data source, counting every statement its connections prepare. */
    private static DataSource counting(DataSource target, AtomicInteger statements) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, target, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                                (p, m, a) -> {
                                    if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")) {
                                        statements.incrementAndGet();
                                    }
                                    return invoke(m, connection, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
