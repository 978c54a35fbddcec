package dev.paydesk.knowledge.internal;

import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.paydesk.platform.JobCoordinator;

/** Hourly (five past): owners whose article review has come are told, on one node at a time (the job lease). */
@Component
class ReviewNoticeSchedule {

    private final ReviewNotices notices;
    private final JobCoordinator jobs;

    ReviewNoticeSchedule(ReviewNotices notices, JobCoordinator jobs) {
        this.notices = notices;
        this.jobs = jobs;
    }

    @Scheduled(cron = "${paydesk.knowledge.review-notice-cron:0 5 * * * *}")
    void run() {
        jobs.runExclusively("knowledge.review-notices", Duration.ofMinutes(10), notices::notifyDue);
    }
}
