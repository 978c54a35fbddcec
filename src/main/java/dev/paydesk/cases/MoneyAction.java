package dev.paydesk.cases;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.Money;

/** A money action requested on a case and where it stands. */
public record MoneyAction(UUID id, UUID caseId, String caseKey, MoneyActionType type, Money amount,
                          @Nullable String paymentRef, @Nullable String targetMethod, String reason, String market,
                          Status status, boolean needsApproval, @Nullable String approvalNote, String requestedBy,
                          Instant requestedAt, @Nullable String decidedBy, @Nullable Instant decidedAt,
                          @Nullable String decisionNote) {

    /** Pending until a second person decides; approved at once when under the limit. */
    public enum Status {
        PENDING_APPROVAL, APPROVED, REJECTED
    }
}
