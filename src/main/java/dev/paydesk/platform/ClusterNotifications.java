package dev.paydesk.platform;

/**
 * Tells every Paydesk node (this one included) that something a node may keep in memory changed, so
 * each refreshes it within a moment: PostgreSQL {@code NOTIFY} on one channel, {@code LISTEN}ed by
 * every server node. A notification sent inside a transaction reaches the nodes only when (and if)
 * that transaction commits. After a lost database connection every subscriber is called once, since
 * notifications sent meanwhile are gone.
 */
public interface ClusterNotifications {

    /**
     * Announces a change of {@code topic} (a stable name such as {@code triage.active-model}).
     * Subscribers on this node are called at once too, so a change is visible here without a round trip.
     */
    void publish(String topic);

    /** Calls {@code onChange} (on a background thread) whenever any node publishes {@code topic}. */
    void subscribe(String topic, Runnable onChange);
}
