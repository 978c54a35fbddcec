package dev.paydesk.privacy.internal;

import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.paydesk.platform.JobCoordinator;

/** The daily retention run, on one node at a time (the platform's job lease); nothing happens while no period is set. */
@Component
class RetentionSchedule {

    private final RetentionService retention;
    private final JobCoordinator jobs;

    RetentionSchedule(RetentionService retention, JobCoordinator jobs) {
        this.retention = retention;
        this.jobs = jobs;
    }

    @Scheduled(cron = "${paydesk.privacy.retention-cron:0 30 3 * * *}")
    void daily() {
        jobs.runExclusively("privacy.retention", Duration.ofHours(2), () -> retention.run(false));
    }
}
