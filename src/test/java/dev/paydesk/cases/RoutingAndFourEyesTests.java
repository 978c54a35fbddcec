package dev.paydesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.Money;

/** Routing rules, assignment strategies and skills; the four-eyes rules on money actions. */
@SpringBootTest
@RecordApplicationEvents
class RoutingAndFourEyesTests extends PlatformTestSupport {

    @Autowired
    CaseDesk desk;

    @Autowired
    CaseSettings settings;

    @Autowired
    MoneyActions money;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void markets() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("FR", "EUR", "Europe/Paris", "fr");
        ensureMarket("SE", "SEK", "Europe/Stockholm", "sv");
    }

    private String queue(String strategy) {
        String code = "q-" + UUID.randomUUID().toString().substring(0, 8);
        asSystem(() -> settings.saveQueue(new CaseSettings.Queue(code, "Test " + code, strategy, null, null, List.of())));
        return code;
    }

    private void agent(String username, int capacity, List<String> languages, List<String> providers, String queue) {
        asSystem(() -> settings.saveAgent(new CaseSettings.Agent(username, capacity, languages, providers, true, List.of(queue))));
    }

    private CaseSummary openIn(String market, String queue, String language, String provider) {
        NewCase c = NewCase.builder("Routing test", market, CaseSource.API).language(language).provider(provider).queue(queue)
                .build();
        CaseSummary[] out = new CaseSummary[1];
        asSystem(() -> out[0] = desk.open(c).summary());
        return out[0];
    }

    @Test
    void theFirstMatchingRuleByPositionPicksTheQueueAndPriority() {
        String big = queue("MANUAL");
        String klarna = queue("MANUAL");
        String category = "cat-" + UUID.randomUUID().toString().substring(0, 6);
        asSystem(() -> {
            settings.addRoutingRule(new CaseSettings.RoutingRule(0, 1, category, "SE", null, null, 1_000_000L, "SEK", big,
                    Priority.URGENT));
            settings.addRoutingRule(new CaseSettings.RoutingRule(0, 2, category, null, null, "KLARNA", null, null, klarna, null));
        });
        NewCase large = NewCase.builder("Big Klarna refund", "SE", CaseSource.API).language("sv").category(category).provider("klarna")
                .amount(Money.of(2_500_000, "SEK")).build();
        NewCase small = NewCase.builder("Small Klarna refund", "SE", CaseSource.API).language("sv").category(category).provider("Klarna")
                .amount(Money.of(9_900, "SEK")).build();
        NewCase otherCategory = NewCase.builder("Other", "SE", CaseSource.API).language("sv").category("something-else").provider("KLARNA")
                .amount(Money.of(2_500_000, "SEK")).build();
        List<CaseSummary> opened = new ArrayList<>();
        asSystem(() -> List.of(large, small, otherCategory).forEach(c -> opened.add(desk.open(c).summary())));
        assertThat(opened.get(0).queue()).isEqualTo(big);
        assertThat(opened.get(0).priority()).isEqualTo(Priority.URGENT);
        assertThat(opened.get(1).queue()).isEqualTo(klarna);
        assertThat(opened.get(1).priority()).isEqualTo(Priority.NORMAL);
        assertThat(opened.get(2).queue()).isNotIn(big, klarna);
    }

    @Test
    void roundRobinTakesTurnsAmongEligibleAgents() {
        String q = queue("ROUND_ROBIN");
        String a = unique("rr-a"), b = unique("rr-b"), c = unique("rr-c");
        agent(a, 50, List.of(), List.of(), q);
        agent(b, 50, List.of(), List.of(), q);
        agent(c, 50, List.of(), List.of(), q);
        List<String> assignees = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            assignees.add(openIn("DE", q, "de", null).assignee());
        }
        assertThat(assignees.subList(0, 3)).containsExactlyInAnyOrder(a, b, c);
        assertThat(assignees.subList(3, 6)).isEqualTo(assignees.subList(0, 3));
    }

    @Test
    void leastLoadedRespectsCapacityAndSkills() {
        String q = queue("LEAST_LOADED");
        String german = unique("ll-de"), french = unique("ll-fr"), adyenOnly = unique("ll-adyen");
        agent(german, 2, List.of("de"), List.of(), q);
        agent(french, 5, List.of("fr"), List.of(), q);
        agent(adyenOnly, 5, List.of("de"), List.of("ADYEN"), q);
        // German Stripe cases: only the German generalist is eligible (the Adyen specialist lacks the provider skill)
        assertThat(openIn("DE", q, "de", "STRIPE").assignee()).isEqualTo(german);
        assertThat(openIn("DE", q, "de", "STRIPE").assignee()).isEqualTo(german);
        // capacity 2 reached: the third stays unassigned
        assertThat(openIn("DE", q, "de", "STRIPE").assignee()).isNull();
        // German Adyen cases go to the less loaded of the two eligible agents
        assertThat(openIn("DE", q, "de", "ADYEN").assignee()).isEqualTo(adyenOnly);
        assertThat(openIn("FR", q, "fr", "ADYEN").assignee()).isEqualTo(french);
    }

    @Test
    void aManualQueueAssignsNobody() {
        String q = queue("MANUAL");
        agent(unique("manual"), 10, List.of(), List.of(), q);
        assertThat(openIn("DE", q, "de", null).assignee()).isNull();
    }

    @Test
    void aRefundAboveTheLimitNeedsASecondPersonWithTheRightRoleAndMarket() {
        var requester = newUser(Role.SPECIALIST, List.of("DE"));
        var manager = newUser(Role.PROCESS_MANAGER, List.of("DE"));
        var frenchManager = newUser(Role.PROCESS_MANAGER, List.of("FR"));
        var otherSpecialist = newUser(Role.SPECIALIST, List.of("DE"));
        CaseSummary c = openIn("DE", "refunds", "de", null);

        // the default refund approval limit is 500.00 EUR (CasesProperties)
        MoneyAction big = as(requester, () -> money.request(c.id(), MoneyActionType.REFUND, Money.of(600_00, "EUR"),
                "psp-1", null, "Refund failed at the bank, customer still waiting"));
        assertThat(big.status()).isEqualTo(MoneyAction.Status.PENDING_APPROVAL);
        assertThat(big.approvalNote()).contains("limit");

        assertThatThrownBy(() -> as(requester, () -> money.approve(big.id(), null)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("second person");
        assertThatThrownBy(() -> as(otherSpecialist, () -> money.approve(big.id(), null)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("roles");
        assertThatThrownBy(() -> as(frenchManager, () -> money.approve(big.id(), null)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("market DE");
        assertThat(events.stream(MoneyActionApproved.class).filter(e -> e.actionId().equals(big.id()))).isEmpty();

        MoneyAction approved = as(manager, () -> money.approve(big.id(), "checked the bank return"));
        assertThat(approved.status()).isEqualTo(MoneyAction.Status.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(manager.username());
        assertThat(events.stream(MoneyActionApproved.class).filter(e -> e.actionId().equals(big.id()))).hasSize(1);
        assertThatThrownBy(() -> as(manager, () -> money.approve(big.id(), null))).isInstanceOf(ConflictException.class);
        assertThat(jdbc.sql("select count(*) from platform_audit_log where entity_type = 'money_action' and entity_id = ?")
                .param(big.id().toString()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aSmallGoodwillIsApprovedAtOnceAndAWriteOffAlwaysNeedsApproval() {
        var requester = newUser(Role.SPECIALIST, List.of("DE"));
        var manager = newUser(Role.PROCESS_MANAGER, List.of("DE"));
        CaseSummary c = openIn("DE", "refunds", "de", null);
        MoneyAction small = as(requester, () -> money.request(c.id(), MoneyActionType.GOODWILL, Money.of(10_00, "EUR"),
                null, null, "Apology for the delay"));
        assertThat(small.status()).isEqualTo(MoneyAction.Status.APPROVED);
        assertThat(small.needsApproval()).isFalse();
        assertThat(events.stream(MoneyActionApproved.class).filter(e -> e.actionId().equals(small.id()))).hasSize(1);

        MoneyAction writeOff = as(requester, () -> money.request(c.id(), MoneyActionType.WRITE_OFF, Money.of(1, "EUR"),
                null, null, "Rounding difference"));
        assertThat(writeOff.status()).isEqualTo(MoneyAction.Status.PENDING_APPROVAL);
        MoneyAction rejected = as(manager, () -> money.reject(writeOff.id(), "Book it to fees instead"));
        assertThat(rejected.status()).isEqualTo(MoneyAction.Status.REJECTED);
        assertThat(events.stream(MoneyActionApproved.class).filter(e -> e.actionId().equals(writeOff.id()))).isEmpty();
    }

    @Test
    void splittingAnAmountIntoSmallRequestsStillNeedsASecondPerson() {
        var requester = newUser(Role.SPECIALIST, List.of("DE"));
        CaseSummary c = openIn("DE", "refunds", "de", null);
        List<MoneyAction.Status> goodwill = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            goodwill.add(as(requester, () -> money.request(c.id(), MoneyActionType.GOODWILL, Money.of(49_00, "EUR"), null,
                    null, "Apology")).status());
        }
        // the goodwill limit is 50.00 EUR: only the first 49.00 stays under it
        assertThat(goodwill).containsExactly(MoneyAction.Status.APPROVED, MoneyAction.Status.PENDING_APPROVAL,
                MoneyAction.Status.PENDING_APPROVAL, MoneyAction.Status.PENDING_APPROVAL, MoneyAction.Status.PENDING_APPROVAL);

        // two 400.00 EUR refunds for one customer on two cases, by two people: together above 500.00 EUR
        String customer = unique("cust");
        CaseSummary first = openFor(customer), second = openFor(customer);
        MoneyAction a = as(newUser(Role.SPECIALIST, List.of("DE")), () -> money.request(first.id(), MoneyActionType.REFUND,
                Money.of(400_00, "EUR"), null, null, "Refund"));
        MoneyAction b = as(newUser(Role.SPECIALIST, List.of("DE")), () -> money.request(second.id(), MoneyActionType.REFUND,
                Money.of(400_00, "EUR"), null, null, "Refund"));
        assertThat(a.status()).isEqualTo(MoneyAction.Status.APPROVED);
        assertThat(b.status()).isEqualTo(MoneyAction.Status.PENDING_APPROVAL);
        assertThat(b.approvalNote()).contains("customer");
    }

    @Test
    void aMoneyActionInAnotherCurrencyThanTheCaseIsRefused() {
        var requester = newUser(Role.SPECIALIST, List.of("DE"));
        CaseSummary c = openIn("DE", "refunds", "de", null);
        assertThatThrownBy(() -> as(requester, () -> money.request(c.id(), MoneyActionType.GOODWILL, Money.of(1_000, "JPY"),
                null, null, "Apology"))).isInstanceOf(dev.paydesk.shared.InvalidInputException.class)
                .hasMessageContaining("the case is in EUR");
    }

    private CaseSummary openFor(String customer) {
        NewCase n = NewCase.builder("Refund for " + customer, "DE", CaseSource.API).language("de").customer(customer, null)
                .queue("refunds").build();
        return asSystemGet(() -> desk.open(n).summary());
    }

    @Test
    void changingAPolicyRecomputesTheClocksOfOpenCases() {
        String category = "cat-" + UUID.randomUUID().toString().substring(0, 6);
        NewCase n = NewCase.builder("Policy change", "DE", CaseSource.API).language("de").priority(Priority.LOW)
                .category(category).queue("payments").build();
        CaseSummary[] c = new CaseSummary[1];
        asSystem(() -> c[0] = desk.open(n).summary());
        var before = c[0].nextDueAt();
        asSystem(() -> settings.savePolicy(new CaseSettings.SlaPolicy(0, "Tight " + category, category, null, null, 1, 1, 2, 0,
                Set.of(WaitingReason.CUSTOMER), FirstResponseRule.FIRST_REPLY)));
        CaseSummary after = asSystemGet(() -> desk.get(c[0].id()).summary());
        assertThat(after.nextDueAt()).isBefore(before);
    }

    private static <T> T asSystemGet(Supplier<T> s) {
        List<T> out = new ArrayList<>();
        asSystem(() -> out.add(s.get()));
        return out.getFirst();
    }
}
