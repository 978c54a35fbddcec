package dev.paydesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A command run beside a server never consumes the server's outstanding events (issue 21, #16): before,
 * even {@code bench webhooks --help} republished and handled them in its own process.
 */
@SpringBootTest
class CliEventsTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCommandLeavesTheServersOutstandingEventsAlone() {
        UUID id = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        // an outstanding publication as the server leaves it; its listener would complete it at once
        jdbc.sql("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                    completion_attempts)
                values (?, 'dev.paydesk.cases.internal.WebhookDispatcher.on(dev.paydesk.cases.CaseChanged)',
                        'dev.paydesk.cases.CaseChanged', ?, now(), 'PUBLISHED', 1)""")
                .params(id, "{\"caseId\":\"" + caseId + "\",\"key\":\"PD-1\",\"market\":\"DE\",\"change\":\"NOTE\","
                        + "\"data\":{},\"at\":\"2026-12-07T00:00:00Z\"}")
                .update();
        try {
            PrintStream original = System.out;
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            int exit;
            try {
                exit = PaydeskCli.run(new String[] {"bench", "webhooks", "--help"});
            } finally {
                System.setOut(original);
            }
            assertThat(exit).isZero();
            assertThat(jdbc.sql("select count(*) from event_publication where id = ? and completion_date is null")
                    .param(id).query(Long.class).single()).as("still outstanding for the server").isEqualTo(1);
        } finally {
            jdbc.sql("delete from event_publication where id = ?").param(id).update();
        }
    }
}
