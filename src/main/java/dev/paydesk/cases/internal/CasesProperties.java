package dev.paydesk.cases.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.paydesk.cases.MoneyActionType;

/**
 * Case desk settings ({@code paydesk.cases.*}).
 *
 * @param baseUrl public address of Paydesk, for links in e-mails (CSAT survey)
 * @param mail inbound IMAP mailbox and outbound sender
 * @param approvalLimits per action type and currency, the amount (minor units) from which a second
 *        person must approve; a currency without a limit always needs approval
 * @param approverRoles roles allowed to approve money actions
 * @param csat survey link lifetime and signing secret (generated and stored when empty)
 * @param attachmentMaxBytes largest attachment accepted
 * @param webhooks where outbound webhooks may go
 * @param findings how fast reconciliation findings may open cases
 */
@ConfigurationProperties("paydesk.cases")
record CasesProperties(@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue Mail mail,
                       @Nullable Map<MoneyActionType, Map<String, Long>> approvalLimits,
                       @DefaultValue({"PROCESS_MANAGER", "ADMIN"}) List<String> approverRoles,
                       @DefaultValue Csat csat, @DefaultValue("10485760") long attachmentMaxBytes,
                       @DefaultValue({"text/plain", "application/pdf", "image/png", "image/jpeg", "text/csv", "message/rfc822"})
                       List<String> attachmentTypes, @DefaultValue Webhooks webhooks,
                       @DefaultValue Findings findings) {

    CasesProperties {
        if (approvalLimits == null) {
            approvalLimits = new EnumMap<>(MoneyActionType.class);
            approvalLimits.put(MoneyActionType.REFUND, Map.of("EUR", 50_000L, "SEK", 500_000L, "DKK", 400_000L,
                    "PLN", 200_000L, "GBP", 40_000L, "CHF", 50_000L, "NOK", 500_000L));
            approvalLimits.put(MoneyActionType.GOODWILL, Map.of("EUR", 5_000L, "SEK", 50_000L, "DKK", 40_000L,
                    "PLN", 20_000L, "GBP", 4_000L, "CHF", 5_000L, "NOK", 50_000L));
        }
    }

    /** Mailbox settings; IMAP polling is on when {@code imapHost} is set. */
    record Mail(@DefaultValue("paydesk.local") String domain, @DefaultValue("support@paydesk.local") String from,
                @Nullable String imapHost, @DefaultValue("993") int imapPort, @DefaultValue("true") boolean imapSsl,
                @Nullable String imapUsername, @Nullable String imapPassword, @DefaultValue("INBOX") String imapFolder,
                @DefaultValue("PT1M") Duration pollInterval, @Nullable String defaultMarket) {
    }

    /**
     * Outbound webhook targets.
     *
     * @param allowPrivateTargets whether loopback, private and link-local addresses may receive webhooks (never in production)
     * @param allowedHosts hosts (names or address literals) exempt from the address check, e.g. a local stub in tests
     */
    record Webhooks(@DefaultValue("false") boolean allowPrivateTargets, @DefaultValue List<String> allowedHosts) {
    }

    /**
     * Case creation from reconciliation findings.
     *
     * @param maxNewCases how many cases findings may open per {@code window}; more trip the breaker
     * @param window the rate-limit window
     */
    record Findings(@DefaultValue("200") int maxNewCases, @DefaultValue("PT10M") Duration window) {
    }

    /** Survey settings. */
    record Csat(@DefaultValue("true") boolean enabled, @DefaultValue("P14D") Duration validFor, @Nullable String secret) {
    }
}
