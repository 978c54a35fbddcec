package dev.paydesk.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which users a note mentions. */
class MentionTests {

    @Test
    void namesAfterAnAtSignAreMentionsButMailAddressesAreNot() {
        assertThat(Notifications.mentions("@anna.k please check, cc @bob. Mail lisa@example.com"))
                .containsExactly("anna.k", "bob");
    }

    @Test
    void aNameMentionedTwiceCountsOnce() {
        assertThat(Notifications.mentions("@x1 and @x1, then @y")).containsExactly("x1", "y");
        assertThat(Notifications.mentions("no one here @ all")).isEmpty();
    }
}
