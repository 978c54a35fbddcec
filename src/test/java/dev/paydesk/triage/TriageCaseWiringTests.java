package dev.paydesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseDetail;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.NewCase;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.triage.classifier.TriageFixtures;

/** Triage wired to the case desk: categorise on intake, route to the category's queue, repeats, corrections. */
@SpringBootTest
class TriageCaseWiringTests extends PlatformTestSupport {

    @Autowired
    CaseDesk desk;

    @Autowired
    TriageModels models;

    @Autowired
    Taxonomy taxonomy;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        asSystem(() -> {
            ModelVersion good = models.train(TriageFixtures.training(), "fixture");
            if (!good.active()) {
                models.activate(good.id(), true);
            }
            if (taxonomy.find("double_charge").isEmpty()) {
                taxonomy.create(new CategorySpec("double_charge", null, Map.of("en", "Charged twice", "de", "Doppelt belastet"),
                        null, "refunds", null));
            }
        });
    }

    private CaseSummary open(String subject, String customer) {
        CaseSummary[] out = new CaseSummary[1];
        asSystem(() -> out[0] = desk.open(NewCase.builder(subject, "DE", CaseSource.API).language("en")
                .customer(customer, null).provider("adyen").build()).summary());
        return out[0];
    }

    private CaseDetail get(UUID id) {
        CaseDetail[] out = new CaseDetail[1];
        asSystem(() -> out[0] = desk.get(id));
        return out[0];
    }

    @Test
    void aConfidentCaseIsCategorisedAndMovedToTheCategorysQueue() {
        CaseSummary c = open("I was charged twice for the same order, double payment", unique("cust"));
        assertThat(c.queue()).isEqualTo("triage");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            CaseDetail d = get(c.id());
            assertThat(d.summary().category()).isEqualTo("double_charge");
            assertThat(d.summary().queue()).isEqualTo("refunds");
        });
        assertThat(jdbc.sql("select count(*) from triage_observations where item_ref = ?").param(c.key())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anUncertainCaseStaysInTriageWithSuggestions() {
        CaseSummary c = open("xqzv", unique("cust"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(c.id()).timeline())
                .anySatisfy(e -> assertThat(e.body()).startsWith("Triage suggestions:")));
        assertThat(get(c.id()).summary().queue()).isEqualTo("triage");
        assertThat(get(c.id()).summary().category()).isNull();
    }

    @Test
    void aSecondCaseFromTheSameCustomerIsLinkedAsARepeat() {
        String customer = unique("cust");
        CaseSummary first = open("Where is my refund", customer);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from triage_contacts where contact_ref = ?")
                .param(first.key()).query(Long.class).single() == 1);
        CaseSummary second = open("Still no refund", customer);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(second.id()).links())
                .contains(new CaseLink(LinkKind.CASE, first.key())));
    }

    @Test
    void anAgentsRecategorisationIsRecordedAsACorrection() {
        CaseSummary c = open("I was charged twice for the same order, double payment", unique("cust"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "double_charge".equals(get(c.id()).summary().category()));
        asSystem(() -> desk.categorise(c.id(), "card_declined", true));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from triage_corrections where item_ref = ? and corrected = 'card_declined'")
                .param(c.key()).query(Long.class).single() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> "card_declined".equals(jdbc.sql(
                "select category from triage_observations where item_ref = ?").param(c.key()).query(String.class).single()));
    }

    @Test
    void anAgentsCategoryCountsForACaseLeftInTriageAndACorrectionMovesTheCount() {
        CaseSummary c = open("xqzv", unique("cust"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(c.id()).timeline())
                .anySatisfy(e -> assertThat(e.body()).startsWith("Triage suggestions:")));
        String first = unique("payout_late");
        String second = unique("refund_missing");
        asSystem(() -> desk.categorise(c.id(), first, true));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(first) == 1);
        asSystem(() -> desk.categorise(c.id(), second, true));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(second) == 1);
        assertThat(count(first)).isZero();
    }

    private long count(String category) {
        return jdbc.sql("select coalesce(sum(contacts), 0) from triage_hourly_counts where category = ? and provider = 'ADYEN'"
                        + " and market = 'DE'").param(category).query(Long.class).single();
    }
}
