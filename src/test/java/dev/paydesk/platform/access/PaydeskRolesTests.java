package dev.paydesk.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import dev.paydesk.platform.Role;

class PaydeskRolesTests {

    @Test
    void everyRoleOfTheEnumIsEnough() {
        for (Role role : Role.values()) {
            assertThat(PaydeskRoles.anyHeldBy(user("ROLE_" + role.name()))).as(role.name()).isTrue();
        }
        assertThat(PaydeskRoles.anyHeldBy(user("SCOPE_read", "ROLE_QUALITY_REVIEWER"))).isTrue();
    }

    @Test
    void noRoleAnUnknownRoleOrNoUserIsRefused() {
        assertThat(PaydeskRoles.anyHeldBy(user())).isFalse();
        assertThat(PaydeskRoles.anyHeldBy(user("ROLE_SUPERUSER", "SCOPE_read", "AGENT"))).isFalse();
        assertThat(PaydeskRoles.anyHeldBy(new AnonymousAuthenticationToken("k", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))).isFalse();
        assertThat(PaydeskRoles.anyHeldBy(null)).isFalse();
        Authentication unauthenticated = UsernamePasswordAuthenticationToken.unauthenticated("u", "p");
        assertThat(PaydeskRoles.anyHeldBy(unauthenticated)).isFalse();
    }

    private static Authentication user(String... authorities) {
        return UsernamePasswordAuthenticationToken.authenticated("u", "p", List.copyOf(AuthorityUtils.createAuthorityList(authorities)));
    }
}
