package dev.paydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.paydesk.platform.AdministrationPolicy.Allowed;
import dev.paydesk.platform.AdministrationPolicy.Grant;
import dev.paydesk.platform.AdministrationPolicy.Hidden;
import dev.paydesk.platform.AdministrationPolicy.Refused;

/** Issue 21 #1: nobody grants, edits or disables beyond their own markets and roles. */
class AdministrationPolicyTests {

    record Caller(UUID userId, Set<Role> roles, Set<String> markets, boolean allMarkets) implements PaydeskPrincipal {
        @Override
        public String username() {
            return "caller";
        }
    }

    static final Caller DE_ADMIN = new Caller(UUID.randomUUID(), Set.of(Role.ADMIN), Set.of("DE"), false);
    static final Caller ALL_ADMIN = new Caller(UUID.randomUUID(), Set.of(Role.ADMIN), Set.of(), true);
    static final Caller DE_PROCESS = new Caller(UUID.randomUUID(), Set.of(Role.PROCESS_MANAGER), Set.of("DE"), false);

    static Grant grant(Role role, String... markets) {
        return new Grant(EnumSet.of(role), Set.of(markets), false);
    }

    static Grant all(Role role) {
        return new Grant(EnumSet.of(role), Set.of(), true);
    }

    @Test
    void aMarketScopedAdminCannotGiveThemselvesAllMarkets() {
        assertThat(AdministrationPolicy.mayGrant(DE_ADMIN, DE_ADMIN.userId(), Grant.of(DE_ADMIN), all(Role.ADMIN)))
                .isInstanceOf(Refused.class);
    }

    @Test
    void nobodyChangesTheirOwnRolesOrMarketsButMayKeepThem() {
        assertThat(AdministrationPolicy.mayGrant(ALL_ADMIN, ALL_ADMIN.userId(), Grant.of(ALL_ADMIN),
                new Grant(EnumSet.of(Role.ADMIN, Role.AUDITOR), Set.of(), true))).isInstanceOf(Refused.class);
        assertThat(AdministrationPolicy.mayGrant(DE_ADMIN, DE_ADMIN.userId(), Grant.of(DE_ADMIN), grant(Role.ADMIN, "DE")))
                .isInstanceOf(Allowed.class);
    }

    @Test
    void onlyAnAllMarketsUserCreatesAnAllMarketsUser() {
        assertThat(AdministrationPolicy.mayGrant(DE_ADMIN, null, null, all(Role.ADMIN))).isInstanceOf(Refused.class);
        assertThat(AdministrationPolicy.mayGrant(DE_ADMIN, null, null, all(Role.AGENT))).isInstanceOf(Refused.class);
        assertThat(AdministrationPolicy.mayGrant(ALL_ADMIN, null, null, all(Role.ADMIN))).isInstanceOf(Allowed.class);
    }

    @Test
    void marketsAreGrantedOnlyWithinTheCallersOwn() {
        assertThat(AdministrationPolicy.mayGrant(DE_ADMIN, null, null, grant(Role.AGENT, "FR")))
                .isInstanceOf(Refused.class);
        assertThat(AdministrationPolicy.mayGrant(DE_ADMIN, null, null, grant(Role.AGENT, "DE", "FR")))
                .isInstanceOf(Refused.class);
        assertThat(AdministrationPolicy.mayGrant(DE_ADMIN, null, null, grant(Role.ADMIN, "DE")))
                .isInstanceOf(Allowed.class);
        UUID deAgent = UUID.randomUUID();
        assertThat(AdministrationPolicy.mayGrant(DE_ADMIN, deAgent, grant(Role.AGENT, "DE"), all(Role.AGENT)))
                .isInstanceOf(Refused.class);
    }

    @Test
    void usersOfOtherMarketsAreHiddenFromAScopedCaller() {
        UUID frAgent = UUID.randomUUID();
        assertThat(AdministrationPolicy.mayGrant(DE_ADMIN, frAgent, grant(Role.AGENT, "FR"), grant(Role.AGENT, "DE")))
                .isInstanceOf(Hidden.class);
        assertThat(AdministrationPolicy.mayManage(DE_ADMIN, grant(Role.AGENT, "DE", "FR"))).isInstanceOf(Hidden.class);
        assertThat(AdministrationPolicy.mayManage(DE_ADMIN, all(Role.AGENT))).isInstanceOf(Hidden.class);
        assertThat(AdministrationPolicy.mayDisable(DE_ADMIN, frAgent, grant(Role.AGENT, "FR"))).isInstanceOf(Hidden.class);
        assertThat(AdministrationPolicy.mayDisable(DE_ADMIN, UUID.randomUUID(), grant(Role.AGENT, "DE")))
                .isInstanceOf(Allowed.class);
        assertThat(AdministrationPolicy.mayManage(ALL_ADMIN, grant(Role.AGENT, "FR"))).isInstanceOf(Allowed.class);
    }

    @Test
    void nobodyDisablesThemselves() {
        assertThat(AdministrationPolicy.mayDisable(DE_ADMIN, DE_ADMIN.userId(), Grant.of(DE_ADMIN)))
                .isInstanceOf(Refused.class);
    }

    @Test
    void aNonAdminGrantsOnlyRolesTheyHold() {
        assertThat(AdministrationPolicy.mayGrant(DE_PROCESS, null, null, grant(Role.ADMIN, "DE")))
                .isInstanceOf(Refused.class);
        assertThat(AdministrationPolicy.mayGrant(DE_PROCESS, null, null, grant(Role.AGENT, "DE")))
                .isInstanceOf(Refused.class);
        assertThat(AdministrationPolicy.mayGrant(DE_PROCESS, null, null, grant(Role.PROCESS_MANAGER, "DE")))
                .isInstanceOf(Allowed.class);
    }

    @Test
    void perMarketSettingsAreEditedWithinTheCallersMarketsAndSettingsOfEveryMarketByAllMarketsUsers() {
        assertThat(AdministrationPolicy.mayEditSetting(DE_PROCESS, "DE")).isInstanceOf(Allowed.class);
        assertThat(AdministrationPolicy.mayEditSetting(DE_PROCESS, "FR")).isInstanceOf(Hidden.class);
        assertThat(AdministrationPolicy.mayEditSetting(DE_ADMIN, null)).isInstanceOf(Refused.class);
        assertThat(AdministrationPolicy.mayEditSetting(ALL_ADMIN, null)).isInstanceOf(Allowed.class);
        assertThat(AdministrationPolicy.mayCreateMarket(DE_ADMIN)).isInstanceOf(Refused.class);
        assertThat(AdministrationPolicy.mayCreateMarket(ALL_ADMIN)).isInstanceOf(Allowed.class);
    }
}
