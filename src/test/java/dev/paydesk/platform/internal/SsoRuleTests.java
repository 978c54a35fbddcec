package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.paydesk.platform.AdministrationPolicy;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.InvalidInputException;

/** How identity-provider claims map to Paydesk roles and markets, without Spring. */
class SsoRuleTests {

    private final List<SsoRule> rules = List.of(
            new SsoRule("corp", "groups", "payments-de", Set.of(Role.AGENT), Set.of("de"), false),
            new SsoRule("corp", "groups", "disputes-fr", Set.of(Role.DISPUTE_SPECIALIST), Set.of("FR"), false),
            new SsoRule("*", "department", "it-admin", Set.of(Role.ADMIN), Set.of(), true));

    @Test
    void anIdentityGetsTheUnionOfEveryRuleItMatches() {
        var grant = SsoRule.grant(rules, "corp", Map.of("groups", List.of("payments-de", "disputes-fr", "other")));
        assertThat(grant).contains(new AdministrationPolicy.Grant(Set.of(Role.AGENT, Role.DISPUTE_SPECIALIST),
                Set.of("DE", "FR"), false));
    }

    @Test
    void aRuleForOneProviderDoesNotApplyToAnother() {
        assertThat(SsoRule.grant(rules, "partner", Map.of("groups", List.of("payments-de")))).isEmpty();
    }

    @Test
    void aRuleForEveryProviderMatchesASingleValuedClaimAndGrantsAllMarkets() {
        var grant = SsoRule.grant(rules, "partner", Map.of("department", "it-admin", "groups", List.of("payments-de")));
        assertThat(grant).contains(new AdministrationPolicy.Grant(Set.of(Role.ADMIN), Set.of(), true));
    }

    @Test
    void anIdentityMatchingNoRuleIsGrantedNothing() {
        assertThat(SsoRule.grant(rules, "corp", Map.of("groups", List.of("marketing")))).isEmpty();
        assertThat(SsoRule.grant(rules, "corp", Map.of())).isEmpty();
    }

    @Test
    void aRuleNeedsARoleAndAMarketScope() {
        assertThatThrownBy(() -> new SsoRule("corp", "groups", "x", Set.of(), Set.of("DE"), false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("role");
        assertThatThrownBy(() -> new SsoRule("corp", "groups", "x", Set.of(Role.AGENT), Set.of(), false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("market");
        assertThatThrownBy(() -> new SsoRule("corp", " ", "x", Set.of(Role.AGENT), Set.of("DE"), false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("claim");
    }
}
