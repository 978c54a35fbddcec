package dev.paydesk.payments;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;

/** What people type or upload on the payments pages is answered in words, never with a parser's message. */
@SpringBootTest
@AutoConfigureMockMvc
class PaymentsUiInputTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Test
    void aCsvUploadedAsABankStatementIsRefusedReadably() throws Exception {
        var specialist = newUser(Role.SPECIALIST, List.of());
        mvc.perform(multipart("/payments/imports").file(new MockMultipartFile("file", "settlement.csv", "text/csv",
                                "merchant_account,psp_reference\nacc,123\n".getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "camt053").with(user(specialist)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("File: this file is not well-formed XML (line 1), so it is not a camt.053")))
                .andExpect(content().string(not(containsString("ParseError"))));
    }

    @Test
    void theSearchAmountIsReadInTheUsersLocale() throws Exception {
        var specialist = newUser(Role.SPECIALIST, List.of());
        mvc.perform(get("/payments").param("amount", "abc").with(user(specialist)).locale(Locale.GERMANY))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Betrag: „abc“ ist kein Betrag")))
                .andExpect(content().string(not(containsString("NumberFormat"))));
        mvc.perform(get("/payments").param("amount", "49,90").with(user(specialist)).locale(Locale.GERMANY))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("ist kein Betrag"))));
    }
}
