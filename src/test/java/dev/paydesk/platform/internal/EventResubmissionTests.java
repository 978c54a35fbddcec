package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;

import dev.paydesk.platform.JobCoordinator;

/**
 * Which incomplete publications are handed to their listeners again: none younger than the resubmission age (five
 * minutes here); one whose listener failed or never started, at once; one whose listener is still running (or whose
 * node died while it ran), only after the processing timeout (an hour here), counted from its publication or its last
 * resubmission. The predicate sees every incomplete publication (Modulith's options form of the call only failed ones).
 */
class EventResubmissionTests {

    private static final Instant NOW = Instant.parse("2026-12-08T00:20:00Z");

    private final EventResubmission resubmission = new EventResubmission(mock(IncompleteEventPublications.class),
            mock(JobCoordinator.class), Clock.systemUTC(), Duration.ofMinutes(5), Duration.ofHours(1));

    private record Publication(EventPublication.Status status, Instant published, @Nullable Instant resubmitted)
            implements EventPublication {

        @Override
        public UUID getIdentifier() {
            return UUID.nameUUIDFromBytes(published.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public Object getEvent() {
            return "event";
        }

        @Override
        public Instant getPublicationDate() {
            return published;
        }

        @Override
        public Optional<Instant> getCompletionDate() {
            return Optional.empty();
        }

        @Override
        public Status getStatus() {
            return status;
        }

        @Override
        @SuppressWarnings("NullAway")
        public Instant getLastResubmissionDate() {
            return resubmitted;
        }

        @Override
        public int getCompletionAttempts() {
            return resubmitted == null ? 1 : 2;
        }
    }

    private boolean due(EventPublication.Status status, Duration publishedAgo, @Nullable Duration resubmittedAgo) {
        return resubmission.due(new Publication(status, NOW.minus(publishedAgo),
                resubmittedAgo == null ? null : NOW.minus(resubmittedAgo)), NOW);
    }

    @Test
    void aPublicationYoungerThanTheResubmissionAgeIsLeftAlone() {
        assertThat(due(EventPublication.Status.FAILED, Duration.ofMinutes(4), null)).isFalse();
        assertThat(due(EventPublication.Status.PUBLISHED, Duration.ofMinutes(4), null)).isFalse();
        assertThat(due(EventPublication.Status.FAILED, Duration.ofMinutes(5), null)).isTrue();
    }

    @Test
    void aFailedOrNeverStartedPublicationIsResubmittedButARunningOneOnlyAfterTheProcessingTimeout() {
        assertThat(due(EventPublication.Status.FAILED, Duration.ofMinutes(10), null)).isTrue();
        assertThat(due(EventPublication.Status.PUBLISHED, Duration.ofMinutes(10), null)).isTrue();
        assertThat(due(EventPublication.Status.PROCESSING, Duration.ofMinutes(10), null))
                .as("a listener at work for ten minutes").isFalse();
        assertThat(due(EventPublication.Status.PROCESSING, Duration.ofMinutes(61), null))
                .as("its node most likely died").isTrue();
        assertThat(due(EventPublication.Status.PROCESSING, Duration.ofHours(3), Duration.ofMinutes(20)))
                .as("resubmitted twenty minutes ago and at work since").isFalse();
        assertThat(due(EventPublication.Status.PROCESSING, Duration.ofHours(3), Duration.ofMinutes(60))).isTrue();
    }
}
