package dev.paydesk.cases.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.MoneyAction;
import dev.paydesk.cases.MoneyActionType;
import dev.paydesk.platform.PaydeskPrincipal;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.Money;

/** The four-eyes rules as decisions: when a money action needs a second person, and who may be it. */
final class FourEyesPolicy {

    private final Map<MoneyActionType, Map<String, Long>> limits;
    private final Set<Role> approverRoles;

    FourEyesPolicy(Map<MoneyActionType, Map<String, Long>> limits, Set<Role> approverRoles) {
        this.limits = limits;
        this.approverRoles = Set.copyOf(approverRoles);
    }

    /** Whether a request needs approval, and why. */
    sealed interface Requirement {
        record NoApprovalNeeded(String why) implements Requirement {
        }

        record ApprovalNeeded(String why) implements Requirement {
        }
    }

    Requirement requirement(MoneyActionType type, Money amount, @Nullable String openDispute) {
        if (openDispute != null) {
            return new Requirement.ApprovalNeeded("the payment has an open dispute (" + openDispute + ")");
        }
        Long limit = Optional.ofNullable(limits.get(type)).map(m -> m.get(amount.currency().getCurrencyCode())).orElse(null);
        if (limit == null) {
            return new Requirement.ApprovalNeeded("every " + type + " in " + amount.currency() + " needs approval");
        }
        if (amount.minor() >= limit) {
            return new Requirement.ApprovalNeeded("amount " + amount + " is at or above the limit "
                    + new Money(limit, amount.currency()));
        }
        return new Requirement.NoApprovalNeeded("amount " + amount + " is below the limit " + new Money(limit, amount.currency()));
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
