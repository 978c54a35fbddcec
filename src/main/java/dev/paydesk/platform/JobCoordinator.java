package dev.paydesk.platform;

import java.time.Duration;

/**
 * Runs scheduled work on exactly one Paydesk node at a time, coordinated through the database: a
 * job takes a lease (a row in {@code platform_job_lease}); another node asking while the lease is
 * held skips the run. Use it in every {@code @Scheduled} method.
 */
public interface JobCoordinator {

    /**
     * Runs {@code work} if no other node holds the lease for {@code job}.
     *
     * @param job a stable job name, e.g. {@code cases.sla-check}
     * @param lease longest time the work may take; after it another node may take over
     * @return whether this node ran the work
     */
    boolean runExclusively(String job, Duration lease, Runnable work);
}
