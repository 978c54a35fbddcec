package dev.paydesk.cases;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.Money;

/**
 * A money action may now be carried out (approved by a second person, or under the approval limit).
 * A provider integration listens and performs it; Paydesk itself calls no PSP here.
 */
public record MoneyActionApproved(UUID actionId, UUID caseId, String caseKey, MoneyActionType type, Money amount,
                                  @Nullable String paymentRef, @Nullable String targetMethod, String market,
                                  String requestedBy, @Nullable String approvedBy, Instant at) {
}
