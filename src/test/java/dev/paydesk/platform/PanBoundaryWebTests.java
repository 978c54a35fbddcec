package dev.paydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.platform.internal.UserService;

/**
 * The boundary's exception list over HTTP: a password is a secret that is only ever hashed, so it
 * passes unredacted (a password that contains a card-number-like run still signs in), while the
 * user name beside it is redacted like any other parameter.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PanBoundaryWebTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Test
    void aPasswordThatLooksLikeACardNumberStillSignsIn() throws Exception {
        String password = "4111 1111 1111 1111 is my passphrase";
        UserAccount[] created = new UserAccount[1];
        asSystem(() -> created[0] = users.create(new UserService.UserSpec(unique("cardpass"), "Card pass", null,
                List.of(Role.AGENT.name()), List.of(), true), password, false));
        mvc.perform(formLogin().user(created[0].username()).password(password))
                .andExpect(authenticated().withUsername(created[0].username()));
    }

    @Test
    void aPathSegmentThatIsACardNumberReachesTheControllerAsItsKey() throws Exception {
        String token = tokenFor(newUser(Role.ADMIN, List.of()));
        String body = mvc.perform(get("/api/v1/orders/4111 1111 1111 1111").header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("4111 1111 1111 1111").contains("411111******1111#");
    }
}
