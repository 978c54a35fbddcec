package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.paydesk.platform.PlatformTestSupport;

/**
 * Searching the audit log outside a transaction gives its pooled connection back: a result stream left open
 * kept it, so more searches than the pool holds (20) waited 30 s for a connection and failed.
 */
@SpringBootTest
class AuditQueriesConnectionTests extends PlatformTestSupport {

    @Autowired
    AuditQueries queries;

    @Test
    void moreSearchesThanThePoolHoldsAllAnswer() {
        int[] answered = {0};
        asSystem(() -> {
            for (int i = 0; i < 30; i++) {
                queries.search(null, null, null, 5);
                answered[0]++;
            }
        });
        assertThat(answered[0]).isEqualTo(30);
    }
}
