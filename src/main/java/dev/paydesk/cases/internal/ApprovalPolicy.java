package dev.paydesk.cases.internal;

import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.MoneyAction;
import dev.paydesk.cases.MoneyActionType;
import dev.paydesk.platform.PaydeskPrincipal;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.Money;

/**
 * The four-eyes rules as decisions: whether a money action may be requested at all, when it needs a
 * second person, and who may be that person. A limit applies to the <em>sum</em> of the actions of
 * one type and currency that are pending or approved — on the case, for the customer in the last 24
 * hours and by the requester in the last 24 hours — so splitting an amount into smaller requests
 * never avoids the second person.
 */
final class ApprovalPolicy {

    private final Map<MoneyActionType, Map<String, Long>> limits;
    private final Set<Role> approverRoles;

    ApprovalPolicy(Map<MoneyActionType, Map<String, Long>> limits, Set<Role> approverRoles) {
        this.limits = limits;
        this.approverRoles = Set.copyOf(approverRoles);
    }

    /**
     * A requested action: what it is, the currencies it must be in (the case's, and the payment's when
     * it names a payment Paydesk knows), and what is already counted against the limit.
     */
    record Request(MoneyActionType type, Money amount, Currency caseCurrency, @Nullable Currency paymentCurrency,
                   @Nullable String openDispute, Exposure exposure, boolean byAgent) {

        Request(MoneyActionType type, Money amount, Currency caseCurrency, @Nullable Currency paymentCurrency,
                @Nullable String openDispute, Exposure exposure) {
            this(type, amount, caseCurrency, paymentCurrency, openDispute, exposure, false);
        }
    }

    /** What an agent (front line, no specialist or approver role) may request: refunds and goodwill, never alone. */
    static final Set<MoneyActionType> AGENT_TYPES = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(MoneyActionType.REFUND, MoneyActionType.GOODWILL));

    private static final Set<Role> MOVES_MONEY = java.util.EnumSet.of(Role.SPECIALIST, Role.DISPUTE_SPECIALIST,
            Role.PROCESS_MANAGER, Role.ADMIN);

    /** Whether a requester with {@code roles} asks as an agent: an agent without any role that moves money itself. */
    static boolean asAgent(Set<Role> roles) {
        return roles.contains(Role.AGENT) && roles.stream().noneMatch(MOVES_MONEY::contains);
    }

    /**
     * Pending and approved actions of the same type and currency, without the one requested.
     *
     * @param onCase on the same case, ever
     * @param customerToday on any case of the same customer in the last 24 hours (zero when the case names none)
     * @param requesterToday requested by the same person in the last 24 hours
     */
    record Exposure(long onCase, long customerToday, long requesterToday) {
        static final Exposure NONE = new Exposure(0, 0, 0);
    }

    /** What happens to a request. */
    sealed interface Decision {
        String why();

        /** Within every limit: approved at once. */
        record AutoApproved(String why) implements Decision {
        }

        /** Waits for a second person. */
        record NeedsApproval(String why) implements Decision {
        }

        /** Not accepted at all; {@code field} names the input at fault. */
        record Refused(String field, String why) implements Decision {
        }
    }

    Decision decide(Request r) {
        Money amount = r.amount();
        if (amount.minor() <= 0) {
            return new Decision.Refused("amount", "the amount must be more than zero");
        }
        if (!amount.currency().equals(r.caseCurrency())) {
            return new Decision.Refused("currency", "the case is in " + r.caseCurrency().getCurrencyCode()
                    + "; a money action on it must be too, not " + amount.currency().getCurrencyCode());
        }
        if (r.paymentCurrency() != null && !amount.currency().equals(r.paymentCurrency())) {
            return new Decision.Refused("currency", "the payment is in " + r.paymentCurrency().getCurrencyCode()
                    + "; a money action on it must be too, not " + amount.currency().getCurrencyCode());
        }
        if (r.byAgent()) {
            if (!AGENT_TYPES.contains(r.type())) {
                return new Decision.Refused("type", "agents request refunds and goodwill only; a " + r.type()
                        + " needs a payment specialist");
            }
            return new Decision.NeedsApproval("requested by an agent: every agent request needs a second person");
        }
        if (r.openDispute() != null) {
            return new Decision.NeedsApproval("the payment has an open dispute (" + r.openDispute() + ")");
        }
        Long limit = Optional.ofNullable(limits.get(r.type())).map(m -> m.get(amount.currency().getCurrencyCode()))
                .orElse(null);
        if (limit == null) {
            return new Decision.NeedsApproval("every " + r.type() + " in " + amount.currency() + " needs approval");
        }
        Money limitMoney = new Money(limit, amount.currency());
        if (amount.minor() >= limit) {
            return new Decision.NeedsApproval("amount " + amount + " is at or above the limit " + limitMoney);
        }
        Exposure e = r.exposure();
        record Sum(String scope, long counted) {
        }
        for (Sum sum : new Sum[] {new Sum("on this case", e.onCase()),
                new Sum("for this customer in 24 hours", e.customerToday()),
                new Sum("by you in 24 hours", e.requesterToday())}) {
            long total = sum.counted() + amount.minor();
            if (total >= limit) {
                return new Decision.NeedsApproval("together with " + new Money(sum.counted(), amount.currency())
                        + " already requested " + sum.scope() + ", " + new Money(total, amount.currency())
                        + " is at or above the limit " + limitMoney);
            }
        }
        return new Decision.AutoApproved("amount " + amount + " and the sums with earlier requests are below the limit "
                + limitMoney);
    }

    /** Whether {@code approver} may decide a pending action: another person, with an approver role and the market. */
    Optional<String> refusal(MoneyAction action, PaydeskPrincipal approver) {
        if (approver.username().equalsIgnoreCase(action.requestedBy())) {
            return Optional.of("you requested this action; a second person must approve it");
        }
        if (approver.roles().stream().noneMatch(approverRoles::contains)) {
            return Optional.of("approving needs one of the roles " + approverRoles);
        }
        if (!approver.canAccessMarket(action.market())) {
            return Optional.of("you do not work in market " + action.market());
        }
        return Optional.empty();
    }
}
