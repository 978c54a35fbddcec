package dev.paydesk.platform.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.paydesk.platform.JobCoordinator;

/**
 * Hands event publications that no listener completed (a listener failed, or the node handling them
 * died) to their listeners again, on one node at a time: the JDBC publication registry is shared by
 * every node, and a publication younger than {@code paydesk.events.resubmit-older-than} may still be in
 * flight on another node, so it is left alone. Listeners are idempotent, so a resubmission of a
 * publication whose listener did its work but died before marking it complete changes nothing.
 */
@Component
class EventResubmission {

    static final String JOB = "platform.event-resubmission";

    private final IncompleteEventPublications incomplete;
    private final JobCoordinator jobs;
    private final Duration olderThan;

    EventResubmission(IncompleteEventPublications incomplete, JobCoordinator jobs,
                      @Value("${paydesk.events.resubmit-older-than:PT5M}") Duration olderThan) {
        this.incomplete = incomplete;
        this.jobs = jobs;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${paydesk.events.resubmit-interval:PT1M}", initialDelayString = "PT45S")
    void resubmit() {
        jobs.runExclusively(JOB, Duration.ofMinutes(10), () -> incomplete.resubmitIncompletePublicationsOlderThan(olderThan));
    }
}
