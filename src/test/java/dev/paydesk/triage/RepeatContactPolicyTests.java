package dev.paydesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class RepeatContactPolicyTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final RepeatContactPolicy policy = new RepeatContactPolicy(Duration.ofDays(7));

    @Test
    void sameCustomerWithinTheWindowIsARepeatOfTheMostRecentContact() {
        var older = new Contact("c1", "anna@example.com", null, NOW.minus(Duration.ofDays(5)));
        var recent = new Contact("c2", "ANNA@example.com", "psp-9", NOW.minus(Duration.ofDays(1)));
        var now = new Contact("c3", "anna@example.com", null, NOW);

        var repeat = policy.match(now, List.of(older, recent));

        assertThat(repeat).contains(new RepeatContact("c3", "c2", RepeatContact.Reason.SAME_CUSTOMER, Duration.ofDays(1)));
    }

    @Test
    void samePaymentFromAnotherCustomerIsARepeat() {
        var earlier = new Contact("c1", "bob", "psp-1", NOW.minus(Duration.ofHours(3)));
        assertThat(policy.match(new Contact("c2", "carol", "psp-1", NOW), List.of(earlier)))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(RepeatContact.Reason.SAME_PAYMENT));
    }

    @Test
    void contactsOutsideTheWindowOrUnrelatedAreNotRepeats() {
        var old = new Contact("c1", "anna", "psp-1", NOW.minus(Duration.ofDays(7)).minusSeconds(1));
        var unrelated = new Contact("c2", "bob", "psp-2", NOW.minus(Duration.ofHours(1)));
        var later = new Contact("c4", "anna", "psp-1", NOW.plusSeconds(60));
        assertThat(policy.match(new Contact("c3", "anna", "psp-1", NOW), List.of(old, unrelated, later))).isEmpty();
    }

    @Test
    void contactExactlyAtTheWindowEdgeCounts() {
        var edge = new Contact("c1", null, "psp-1", NOW.minus(Duration.ofDays(7)));
        assertThat(policy.match(new Contact("c2", null, "psp-1", NOW), List.of(edge))).isPresent();
    }

    @Test
    void contactsWithoutCustomerOrPaymentNeverMatch() {
        var anonymous = new Contact("c1", null, null, NOW.minusSeconds(10));
        assertThat(policy.match(new Contact("c2", null, null, NOW), List.of(anonymous))).isEmpty();
    }
}
