package dev.paydesk.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
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
 *
 * <p>A publication whose listener is still running (status {@code PROCESSING}) is resubmitted only after
 * {@code paydesk.events.processing-timeout}: a listener that takes longer than the resubmission age (an insights
 * refresh of a 500,000-row file) was otherwise handed its event again every minute while it ran, each copy slowing
 * the others down, so that it never finished.
 */
@Component
class EventResubmission {

    static final String JOB = "platform.event-resubmission";

    private final IncompleteEventPublications incomplete;
    private final JobCoordinator jobs;
    private final Clock clock;
    private final Duration olderThan;
    private final Duration processingTimeout;

    EventResubmission(IncompleteEventPublications incomplete, JobCoordinator jobs, Clock clock,
                      @Value("${paydesk.events.resubmit-older-than:PT5M}") Duration olderThan,
                      @Value("${paydesk.events.processing-timeout:PT1H}") Duration processingTimeout) {
        this.incomplete = incomplete;
        this.jobs = jobs;
        this.clock = clock;
        this.olderThan = olderThan;
        this.processingTimeout = processingTimeout;
    }

    @Scheduled(fixedDelayString = "${paydesk.events.resubmit-interval:PT1M}", initialDelayString = "PT45S")
    void resubmit() {
        Instant now = clock.instant();
        // the predicate form: it sees every incomplete publication (the options form only failed ones, so a
        // publication whose node died while it was being processed, or before it started, stayed incomplete)
        jobs.runExclusively(JOB, Duration.ofMinutes(10), () -> incomplete.resubmitIncompletePublications(p -> due(p, now)));
    }

    /** Whether an incomplete publication is handed to its listener again now. */
    boolean due(EventPublication publication, Instant now) {
        if (publication.getPublicationDate().plus(olderThan).isAfter(now)) {
            return false; // may still be in flight on its node
        }
        if (publication.getStatus() != EventPublication.Status.PROCESSING) {
            return true;
        }
        Instant since = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        return !since.plus(processingTimeout).isAfter(now);
    }
}
