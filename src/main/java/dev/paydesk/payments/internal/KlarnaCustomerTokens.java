package dev.paydesk.payments.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.payments.PaymentQueries.BindingAction;
import dev.paydesk.payments.Provider;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/**
 * Klarna customer-token status changes that only the merchant sees. Klarna sends no notification
 * when a token is cancelled: the merchant cancels it with the Customer Token API
 * ({@code PATCH /customer-token/v1/tokens/{token}/status}, body {@code {"status": "CANCELLED"}},
 * answered 202) and then reports the same body here, as an authenticated API user scoped to the
 * merchant account's market. The change is stored once per token (a repeated report changes
 * nothing) and audited.
 */
@Service
public class KlarnaCustomerTokens {

    /** The only status Klarna's Customer Token API lets a merchant set. */
    static final String CANCELLED = "CANCELLED";

    /** What became of a report: whether it changed anything, and the token's customer. */
    public record Recorded(String token, String customerReference, BindingAction action, boolean applied) {
    }

    private final PaymentAccounts accounts;
    private final MethodBindings bindings;
    private final AuditLog audit;
    private final Clock clock;

    KlarnaCustomerTokens(PaymentAccounts accounts, MethodBindings bindings, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.bindings = bindings;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records the merchant's status update of a Klarna customer token.
     *
     * @param status as sent to Klarna; only {@code CANCELLED} exists
     * @param customerReference needed only when Paydesk has not seen the token before
     * @param occurredAt when Klarna accepted the cancellation; now when absent
     */
    @Transactional
    public Recorded statusChanged(String accountName, String token, @Nullable String status,
                                  @Nullable String customerReference, @Nullable Instant occurredAt) {
        PaymentAccounts.Account account = accounts.find(Provider.KLARNA, accountName)
                .orElseThrow(() -> new NotFoundException("no Klarna merchant account '" + accountName + "'"));
        requireScope(account.market());
        if (!CANCELLED.equals(status)) {
            throw new InvalidInputException("status", "Klarna customer tokens can only be set to CANCELLED");
        }
        String customer = customerReference != null && !customerReference.isBlank() ? customerReference.trim()
                : bindings.customerOf(Provider.KLARNA, token).orElseThrow(() -> new NotFoundException(
                        "Klarna customer token " + token + " is not known; send customerReference with the status"));
        Instant at = occurredAt == null ? clock.instant() : occurredAt;
        boolean applied = bindings.record(Provider.KLARNA, accountName, account.market(),
                "customer-token-status:" + CANCELLED, new NormalizedBinding(token, customer, BindingAction.REMOVED,
                        "klarna", null, null, null, null, null, CANCELLED, at));
        if (applied) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("customer", customer);
            after.put("status", CANCELLED);
            after.put("occurredAt", at.toString());
            audit.record("payments.klarna_token_cancelled", "payments_method_binding", accountName + "/" + token,
                    account.market(), null, after);
        }
        return new Recorded(token, customer, BindingAction.REMOVED, applied);
    }

    /** The caller must cover the account's market; an account without one needs an all-markets user. */
    private static void requireScope(@Nullable String market) {
        if (market != null) {
            CurrentUser.requireMarket(market);
        } else if (!CurrentUser.principal().map(p -> p.allMarkets()).orElse(false)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "the merchant account has no market; only all-market users may change its tokens");
        }
    }
}
