package dev.paydesk.disputes.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.paydesk.disputes.CardNetwork;
import dev.paydesk.disputes.DisputeStage;
import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.disputes.ReasonCategory;
import dev.paydesk.payments.Provider;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.Money;

/**
 * The dispute aggregate. Every change of stage, status and deadline goes through {@link #apply},
 * {@link #accept} or {@link #evidenceSubmitted}, which hold the rules in one place:
 * <ul>
 * <li>the stage only moves forward;</li>
 * <li>a final status is final, except that a WON dispute reopens when the issuer escalates it to a
 * later stage (pre-arbitration after a won chargeback is how the networks work);</li>
 * <li>a notification older than the last applied one does not change status or deadline (out-of-order
 * delivery), but its facts (stage reached, reason, amount) still fill in what is missing;</li>
 * <li>"expired" only ends a dispute that still waits for a response.</li>
 * </ul>
 */
final class Dispute {

    /** What one change did, for events and history. */
    record Change(List<String> notes, boolean stageChanged, @Nullable DisputeStatus statusBefore,
                  boolean deadlineChanged, boolean closed, boolean reopened) {

        boolean statusChanged(DisputeStatus now) {
            return statusBefore != null && statusBefore != now;
        }
    }

    private final UUID id;
    private final Provider provider;
    private final String merchantAccount;
    private final String providerDisputeId;
    private CardNetwork network;
    private @Nullable String market;
    private DisputeStage stage;
    private DisputeStatus status;
    private @Nullable String reasonCode;
    private ReasonCategory reasonCategory;
    private Money amount;
    private Money fees;
    private @Nullable String paymentReference;
    private @Nullable String orderReference;
    private @Nullable String customerReference;
    private @Nullable Instant dueAt;
    private boolean dueEstimated;
    private @Nullable Instant respondBy;
    private final Instant openedAt;
    private Instant lastSignalAt;
    private @Nullable Instant closedAt;
    private int version;

    Dispute(UUID id, Provider provider, String merchantAccount, String providerDisputeId, CardNetwork network,
            @Nullable String market, DisputeStage stage, DisputeStatus status, @Nullable String reasonCode,
            ReasonCategory reasonCategory, Money amount, Money fees, @Nullable String paymentReference,
            @Nullable String orderReference, @Nullable String customerReference, @Nullable Instant dueAt,
            boolean dueEstimated, @Nullable Instant respondBy, Instant openedAt, Instant lastSignalAt,
            @Nullable Instant closedAt, int version) {
        this.id = id;
        this.provider = provider;
        this.merchantAccount = merchantAccount;
        this.providerDisputeId = providerDisputeId;
        this.network = network;
        this.market = market;
        this.stage = stage;
        this.status = status;
        this.reasonCode = reasonCode;
        this.reasonCategory = reasonCategory;
        this.amount = amount;
        this.fees = fees;
        this.paymentReference = paymentReference;
        this.orderReference = orderReference;
        this.customerReference = customerReference;
        this.dueAt = dueAt;
        this.dueEstimated = dueEstimated;
        this.respondBy = respondBy;
        this.openedAt = openedAt;
        this.lastSignalAt = lastSignalAt;
        this.closedAt = closedAt;
        this.version = version;
    }

    /**
     * A new dispute, before its first notification is {@linkplain #apply applied} (that notification may
     * well be its outcome, when delivery is out of order).
     */
    static Dispute open(UUID id, Provider provider, String account, String providerDisputeId, DisputeSignal first,
                        Money amount, @Nullable String market, ReasonCategory category) {
        DisputeStage stage = first.stage() == null ? DisputeStage.CHARGEBACK : first.stage();
        return new Dispute(id, provider, account, providerDisputeId, first.network(), market, stage,
                DisputeStatus.NEEDS_RESPONSE, first.reasonCode(), category, amount, Money.zero(amount.currency()),
                null, null, null, null, false, null, first.occurredAt(), first.occurredAt(), null, 0);
    }

    /** Applies a provider notification; {@code respondByFor} turns a due date into Paydesk's respond-by. */
    Change apply(DisputeSignal signal, Function<Instant, Instant> respondByFor) {
        List<String> notes = new ArrayList<>();
        boolean stale = signal.occurredAt().isBefore(lastSignalAt);
        DisputeStage stageBefore = stage;
        DisputeStatus statusBefore = status;
        if (signal.stage() != null && signal.stage().isAfter(stage)) {
            stage = signal.stage();
            notes.add("stage " + stageBefore + " → " + stage);
        }
        fillIn(signal, notes);
        boolean reopened = false;
        if (signal.status() != null && signal.status() != status) {
            if (stale) {
                notes.add("older than the last notification: status " + signal.status() + " not applied");
            } else if (status.isFinal()) {
                boolean escalated = status == DisputeStatus.WON && signal.stage() != null
                        && signal.stage().isAfter(stageBefore) && !signal.status().isFinal();
                if (escalated) {
                    status = signal.status();
                    closedAt = null;
                    reopened = true;
                    notes.add("reopened: escalated to " + stage);
                } else {
                    notes.add("already " + status + ": " + signal.status() + " ignored");
                }
            } else if (signal.expiryOnly() && status != DisputeStatus.NEEDS_RESPONSE) {
                notes.add("defence period ended while " + status + ": not expired");
            } else {
                status = signal.status();
            }
        }
        if (status != statusBefore) {
            notes.add("status " + statusBefore + " → " + status);
        }
        boolean closed = status.isFinal() && !statusBefore.isFinal();
        if (closed) {
            closedAt = signal.occurredAt();
        }
        boolean deadlineChanged = false;
        if (signal.dueAt() != null && !stale && !status.isFinal()
                && (!signal.dueAt().equals(dueAt) || dueEstimated)) {
            deadlineChanged = reschedule(signal.dueAt(), false, respondByFor.apply(signal.dueAt()));
            if (deadlineChanged) {
                notes.add("due " + dueAt + ", respond by " + respondBy);
            }
        }
        if (!stale) {
            lastSignalAt = signal.occurredAt();
        }
        return new Change(notes, stage != stageBefore, statusBefore, deadlineChanged || reopened, closed, reopened);
    }

    private void fillIn(DisputeSignal signal, List<String> notes) {
        if (signal.reasonCode() != null && !signal.reasonCode().equals(reasonCode)) {
            notes.add("reason " + signal.reasonCode());
            reasonCode = signal.reasonCode();
        }
        if (signal.network() != CardNetwork.UNKNOWN && network == CardNetwork.UNKNOWN) {
            network = signal.network();
        }
        if (signal.amount() != null && !signal.amount().equals(amount) && signal.amount().minor() > 0) {
            notes.add("amount " + signal.amount());
            amount = signal.amount();
            if (!fees.currency().equals(amount.currency()) && fees.isZero()) {
                fees = Money.zero(amount.currency());
            }
        }
        if (signal.fee() != null && signal.fee().currency().equals(fees.currency()) && !signal.fee().equals(fees)) {
            notes.add("fees " + signal.fee());
            fees = signal.fee();
        }
    }

    /** Sets the deadlines; true when they changed. */
    boolean reschedule(Instant due, boolean estimated, Instant newRespondBy) {
        boolean changed = !Objects.equals(due, dueAt) || !Objects.equals(newRespondBy, respondBy)
                || estimated != dueEstimated;
        dueAt = due;
        dueEstimated = estimated;
        respondBy = newRespondBy;
        return changed;
    }

    void classify(ReasonCategory category) {
        this.reasonCategory = category;
    }

    void link(@Nullable String payment, @Nullable String order, @Nullable String customer, @Nullable String mkt) {
        if (payment != null && paymentReference == null) {
            paymentReference = payment;
        }
        if (order != null && orderReference == null) {
            orderReference = order;
        }
        if (customer != null && customerReference == null) {
            customerReference = customer;
        }
        if (mkt != null && market == null) {
            market = mkt;
        }
    }

    /** The merchant accepts the loss. */
    Change accept(Instant now) {
        if (status.isFinal()) {
            throw new ConflictException("dispute is already " + status);
        }
        DisputeStatus before = status;
        status = DisputeStatus.ACCEPTED;
        closedAt = now;
        return new Change(List.of("accepted by the merchant"), false, before, false, true, false);
    }

    /** Evidence went to the provider: the dispute waits for the issuer's decision. */
    Change evidenceSubmitted(Instant now) {
        if (status != DisputeStatus.NEEDS_RESPONSE) {
            throw new ConflictException("evidence can only be submitted while the dispute needs a response (it is "
                    + status + ")");
        }
        DisputeStatus before = status;
        status = DisputeStatus.UNDER_REVIEW;
        return new Change(List.of("evidence submitted"), false, before, false, false, false);
    }

    DisputeSummary summary() {
        return new DisputeSummary(id, provider, merchantAccount, providerDisputeId, network, market, stage, status,
                reasonCode, reasonCategory, amount, fees, paymentReference, orderReference, customerReference, dueAt,
                dueEstimated, respondBy, openedAt, closedAt, version);
    }

    UUID id() { return id; }
    Provider provider() { return provider; }
    String merchantAccount() { return merchantAccount; }
    String providerDisputeId() { return providerDisputeId; }
    CardNetwork network() { return network; }
    @Nullable String market() { return market; }
    DisputeStage stage() { return stage; }
    DisputeStatus status() { return status; }
    @Nullable String reasonCode() { return reasonCode; }
    ReasonCategory reasonCategory() { return reasonCategory; }
    Money amount() { return amount; }
    Money fees() { return fees; }
    @Nullable String paymentReference() { return paymentReference; }
    @Nullable String orderReference() { return orderReference; }
    @Nullable String customerReference() { return customerReference; }
    @Nullable Instant dueAt() { return dueAt; }
    boolean dueEstimated() { return dueEstimated; }
    @Nullable Instant respondBy() { return respondBy; }
    Instant openedAt() { return openedAt; }
    Instant lastSignalAt() { return lastSignalAt; }
    @Nullable Instant closedAt() { return closedAt; }
    int version() { return version; }
}
