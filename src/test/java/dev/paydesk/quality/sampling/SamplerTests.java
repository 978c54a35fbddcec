package dev.paydesk.quality.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.Money;

class SamplerTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final SamplingRules RULES = SamplingRules.standard(Money.of(50_000, "EUR"));
    static final List<Reviewer> REVIEWERS = List.of(new Reviewer("rita", null), new Reviewer("bob", "acme"),
            new Reviewer("ann", "acme"));

    static ResolvedCase plain(String key, String agent) {
        return new ResolvedCase(key, agent, "acme", null, false, false, null, null, false, TODAY.minusDays(1));
    }

    static List<ResolvedCase> many(String agent, int n) {
        return IntStream.range(0, n).mapToObj(i -> plain(agent + "-" + (100 + i), agent)).toList();
    }

    static Map<String, String> reasons(List<Pick> picks) {
        return picks.stream().collect(Collectors.toMap(Pick::caseKey, Pick::reason));
    }

    @Test
    void theSameSeedGivesTheSameSampleAndAnotherSeedAnother() {
        List<ResolvedCase> cases = new ArrayList<>(many("ann", 40));
        cases.addAll(many("bob", 40));
        List<Pick> first = Sampler.sample(cases, RULES, REVIEWERS, TODAY, 42);
        List<ResolvedCase> shuffled = new ArrayList<>(cases);
        java.util.Collections.reverse(shuffled);
        assertThat(Sampler.sample(shuffled, RULES, REVIEWERS, TODAY, 42)).isEqualTo(first);
        assertThat(IntStream.rangeClosed(1, 5).mapToObj(seed -> Sampler.sample(cases, RULES, REVIEWERS, TODAY, seed)))
                .anyMatch(other -> !other.equals(first));
    }

    @Test
    void everyAgentGetsAtLeastTheMinimumOrAllTheyHave() {
        List<ResolvedCase> cases = new ArrayList<>(many("ann", 10));
        cases.add(plain("solo-1", "solo"));
        List<Pick> picks = Sampler.sample(cases, RULES, REVIEWERS, TODAY, 7);
        // 5 % of 10 rounds up to 1, the minimum is 2
        assertThat(picks.stream().filter(p -> p.agent().equals("ann"))).hasSize(2);
        assertThat(picks.stream().filter(p -> p.agent().equals("solo"))).hasSize(1);
        assertThat(picks).allMatch(p -> p.reason().equals("random"));
    }

    @Test
    void theRandomShareAppliesPerAgent() {
        List<Pick> picks = Sampler.sample(many("ann", 100), RULES, REVIEWERS, TODAY, 7);
        assertThat(picks).hasSize(5);
    }

    @Test
    void targetedRulesPickEveryMatchingCaseAndOnlyThose() {
        LocalDate resolved = TODAY.minusDays(1);
        List<ResolvedCase> cases = List.of(
                csat("c-1", 2), csat("c-2", 3),
                new ResolvedCase("r-1", "zed", null, null, true, false, null, null, false, resolved),
                new ResolvedCase("b-1", "zed", null, null, false, true, null, null, false, resolved),
                money("m-1", Money.of(50_001, "EUR")), money("m-2", Money.of(50_000, "EUR")),
                money("m-3", Money.of(900_000, "USD")),
                started("n-1", resolved.minusDays(29)), started("n-2", resolved.minusDays(30)),
                new ResolvedCase("d-1", "zed", null, null, false, false, null, null, true, resolved));
        SamplingRules targetedOnly = new SamplingRules(0, 0, 2, true, true, Money.of(50_000, "EUR"), 30, true, 5, true);
        assertThat(reasons(Sampler.sample(cases, targetedOnly, REVIEWERS, TODAY, 1))).isEqualTo(Map.of(
                "c-1", "csat", "r-1", "reopened", "b-1", "clock_breached", "m-1", "money_above",
                "n-1", "new_agent", "d-1", "dispute_lost"));
    }

    @Test
    void nobodyReviewsTheirOwnCaseNorOptionallyTheirOwnSupplier() {
        List<ResolvedCase> cases = many("bob", 20);
        List<Pick> picks = Sampler.sample(cases, new SamplingRules(0.5, 0, null, false, false, null, 0, false, 3, true),
                REVIEWERS, TODAY, 3);
        assertThat(picks).hasSize(10).allMatch(p -> p.reviewer() != null && !p.reviewer().equals("bob"));
        assertThat(picks.stream().map(Pick::reviewer).distinct()).containsExactlyInAnyOrder("ann", "rita");
        assertThat(picks).allMatch(p -> p.dueOn().equals(TODAY.plusDays(3)));

        List<Pick> otherSupplier = Sampler.sample(cases,
                new SamplingRules(0.5, 0, null, false, false, null, 0, false, 3, false), REVIEWERS, TODAY, 3);
        assertThat(otherSupplier).allMatch(p -> "rita".equals(p.reviewer()));

        List<Pick> nobody = Sampler.sample(cases, RULES, List.of(new Reviewer("bob", "acme")), TODAY, 3);
        assertThat(nobody).isNotEmpty().allMatch(p -> p.reviewer() == null);
    }

    @Test
    void rulesOutsideTheirRangeAreRejected() {
        assertThatThrownBy(() -> new SamplingRules(1.5, 0, null, false, false, null, 0, false, 3, true))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new SamplingRules(0.1, 0, 6, false, false, null, 0, false, 3, true))
                .isInstanceOf(InvalidInputException.class);
    }

    private static ResolvedCase csat(String key, int rating) {
        return new ResolvedCase(key, "zed", null, rating, false, false, null, null, false, TODAY.minusDays(1));
    }

    private static ResolvedCase money(String key, @Nullable Money money) {
        return new ResolvedCase(key, "zed", null, null, false, false, money, null, false, TODAY.minusDays(1));
    }

    private static ResolvedCase started(String key, LocalDate startedOn) {
        return new ResolvedCase(key, "zed", null, null, false, false, null, startedOn, false, TODAY.minusDays(1));
    }
}
