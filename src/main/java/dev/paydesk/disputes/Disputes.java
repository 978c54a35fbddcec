package dev.paydesk.disputes;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The dispute desk's query and command API for other modules and the web layer. */
public interface Disputes {

    /**
     * The open dispute on a payment (provider reference) or an order (merchant reference), if any: the
     * case desk blocks or routes refunds for approval while one exists.
     */
    Optional<DisputeSummary> openDisputeFor(String paymentOrOrderRef);

    /** @throws dev.paydesk.shared.NotFoundException when there is no such dispute */
    DisputeSummary dispute(UUID id);

    /** Disputes by respond-by (soonest first), open ones only unless {@code includeClosed}. */
    List<DisputeSummary> list(Filter filter);

    List<DisputeHistoryEntry> history(UUID id);

    /** The merchant accepts the loss (audited, publishes {@link DisputeClosed}). */
    DisputeSummary accept(UUID id, @Nullable String note);

    /**
     * @param markets null for every market
     * @param provider, status, stage optional filters
     */
    record Filter(@Nullable List<String> markets, boolean includeClosed, @Nullable String provider,
                  @Nullable DisputeStatus status, @Nullable DisputeStage stage, int limit) {

        public static Filter open(@Nullable List<String> markets) {
            return new Filter(markets, false, null, null, null, 500);
        }
    }
}
