package dev.paydesk.disputes;

/**
 * Where a dispute is in the network's process, in order: a dispute only ever moves to a later stage.
 * PRE_DISPUTE covers inquiries, retrieval requests, requests for information and fraud notices.
 */
public enum DisputeStage {
    PRE_DISPUTE, CHARGEBACK, PRE_ARBITRATION, ARBITRATION;

    public boolean isAfter(DisputeStage other) {
        return compareTo(other) > 0;
    }

    public static DisputeStage later(DisputeStage a, DisputeStage b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
