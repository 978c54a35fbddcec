package dev.paydesk.quality.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.paydesk.platform.JobCoordinator;
import dev.paydesk.quality.sampling.SamplingRules;

/**
 * The weekly sample: every Monday each market's previous week is sampled with the standard rules and assigned
 * to its quality reviewers, on one node at a time (the platform's job lease; servers only, never the CLI).
 */
@Component
class SampleSchedule {

    private final SamplingService sampling;
    private final JobCoordinator jobs;
    private final Clock clock;

    SampleSchedule(SamplingService sampling, JobCoordinator jobs, Clock clock) {
        this.sampling = sampling;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(cron = "${paydesk.quality.sample-cron:0 0 5 * * MON}")
    void weekly() {
        jobs.runExclusively("quality.weekly-sample", Duration.ofHours(1),
                () -> sampling.weekly(LocalDate.now(clock), SamplingRules.standard(null)));
    }
}
