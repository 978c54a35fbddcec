package dev.paydesk.triage.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.paydesk.platform.JobCoordinator;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.triage.Incidents;
import dev.paydesk.triage.ModelVersion;
import dev.paydesk.triage.Triage;
import dev.paydesk.triage.TriageModels;

/**
 * Triage's scheduled work, each on one node through the database lease: incident detection for the
 * hour that just ended (a few minutes past every hour), and a nightly retraining from the labelled
 * cases once enough agent corrections have accumulated — the new model is activated only if it beats
 * the active one (the usual rule).
 */
@Component
class TriageSchedule {

    private static final Logger log = LoggerFactory.getLogger(TriageSchedule.class);

    private final Incidents incidents;
    private final TriageModels models;
    private final Triage triage;
    private final JobCoordinator jobs;
    private final Clock clock;
    private final int retrainAfterCorrections;

    TriageSchedule(Incidents incidents, TriageModels models, Triage triage, JobCoordinator jobs, Clock clock,
                   @Value("${paydesk.triage.retrain-after-corrections:50}") int retrainAfterCorrections) {
        this.incidents = incidents;
        this.models = models;
        this.triage = triage;
        this.jobs = jobs;
        this.clock = clock;
        this.retrainAfterCorrections = retrainAfterCorrections;
    }

    @Scheduled(cron = "${paydesk.triage.incident-cron:0 5 * * * *}")
    void detectIncidents() {
        Instant previousHour = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        jobs.runExclusively("triage.incidents", Duration.ofMinutes(30), () -> {
            int opened = incidents.detect(previousHour).size();
            if (opened > 0) {
                log.info("triage: {} incident(s) in the hour from {}", opened, previousHour);
            }
        });
    }

    @Scheduled(cron = "${paydesk.triage.retrain-cron:0 30 2 * * *}")
    void retrain() {
        if (triage.pendingCorrections() < retrainAfterCorrections) {
            return;
        }
        jobs.runExclusively("triage.retrain", Duration.ofHours(2), () -> {
            try {
                ModelVersion version = models.trainFromDatabase();
                log.info("triage: retrained model {} (macro-F1 {}), active: {}", version.id(), version.macroF1(), version.active());
            } catch (InvalidInputException | IllegalArgumentException | IllegalStateException notEnoughData) {
                log.warn("triage: retraining skipped: {}", notEnoughData.getMessage());
            }
        });
    }
}
