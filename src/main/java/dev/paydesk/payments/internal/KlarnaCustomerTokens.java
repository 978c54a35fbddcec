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
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/**
 * Klarna customer-token changes that only the merchant sees, reported by the merchant's backend as
 * an authenticated API user scoped to the merchant account's market. Klarna sends no notification
 * for either: a token created with Klarna Payments' create-customer-token call (the synchronous
 * response's {@code token_id}), and a token the merchant cancels with the Customer Token API
 * ({@code PATCH /customer-token/v1/tokens/{token}/status}, body {@code {"status": "CANCELLED"}},
 * answered 202). Each is stored once per token (a repeated report changes nothing) and audited.
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
     * @param customerReference needed only when Paydesk has not seen the token before; when it has,
     *     a different customer is a conflict
     * @param occurredAt when Klarna accepted the cancellation; now when absent
     */
    @Transactional
    public Recorded statusChanged(String accountName, String token, @Nullable String status,
                                  @Nullable String customerReference, @Nullable Instant occurredAt) {
        PaymentAccounts.Account account = scopedAccount(accountName);
        if (!CANCELLED.equals(status)) {
            throw new InvalidInputException("status", "Klarna customer tokens can only be set to CANCELLED");
        }
        String given = blank(customerReference) ? null : customerReference.trim();
        String known = bindings.customerOf(Provider.KLARNA, token).orElse(null);
        if (known != null && given != null && !known.equals(given)) {
            throw new ConflictException("Klarna customer token " + token + " belongs to another customer");
        }
        String customer = known != null ? known : given;
        if (customer == null) {
            throw new NotFoundException("Klarna customer token " + token
                    + " is not known; send customerReference with the status");
        }
        return store(accountName, account.market(), "customer-token-status:" + CANCELLED,
                new NormalizedBinding(token, customer, BindingAction.REMOVED, "klarna", null, null, null, null, null,
                        CANCELLED, occurredAt == null ? clock.instant() : occurredAt), "payments.klarna_token_cancelled");
    }

    /**
     * Records a token the merchant created with Klarna Payments' create-customer-token call, which
     * answers with the token ({@code token_id}) and notifies nothing.
     *
     * @param occurredAt when Klarna issued the token; now when absent
     */
    @Transactional
    public Recorded created(String accountName, @Nullable String token, @Nullable String customerReference,
                            @Nullable Instant occurredAt) {
        PaymentAccounts.Account account = scopedAccount(accountName);
        if (blank(token)) {
            throw new InvalidInputException("tokenId", "the token_id from Klarna's response is required");
        }
        if (blank(customerReference)) {
            throw new InvalidInputException("customerReference", "the customer the token belongs to is required");
        }
        String known = bindings.customerOf(Provider.KLARNA, token.trim()).orElse(null);
        if (known != null && !known.equals(customerReference.trim())) {
            throw new ConflictException("Klarna customer token " + token + " belongs to another customer");
        }
        return store(accountName, account.market(), "customer-token-created",
                new NormalizedBinding(token.trim(), customerReference.trim(), BindingAction.ADDED, "klarna", null, null,
                        null, null, null, null, occurredAt == null ? clock.instant() : occurredAt),
                "payments.klarna_token_created");
    }

    private Recorded store(String accountName, @Nullable String market, String eventKey, NormalizedBinding binding,
                           String auditAction) {
        boolean applied = bindings.record(Provider.KLARNA, accountName, market, eventKey, binding);
        String customer = java.util.Objects.requireNonNull(binding.customerReference());
        if (applied) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("customer", customer);
            after.put("action", binding.action().name());
            after.put("occurredAt", binding.occurredAt().toString());
            audit.record(auditAction, "payments_method_binding", accountName + "/" + binding.token(), market, null, after);
        }
        return new Recorded(binding.token(), customer, binding.action(), applied);
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    /** The Klarna account; the caller must cover its market (an account without one: all-market users only). */
    private PaymentAccounts.Account scopedAccount(String accountName) {
        PaymentAccounts.Account account = accounts.find(Provider.KLARNA, accountName)
                .orElseThrow(() -> new NotFoundException("no Klarna merchant account '" + accountName + "'"));
        CurrentUser.requireInScope(account.market(),
                () -> new NotFoundException("no Klarna merchant account '" + accountName + "'"));
        return account;
    }
}
