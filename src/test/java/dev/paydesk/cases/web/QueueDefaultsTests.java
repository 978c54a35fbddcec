package dev.paydesk.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.paydesk.platform.Role;

/** The tab each role lands on (issue 19: "sensible default tab per role"; admins and auditors never on an empty "Mine"). */
class QueueDefaultsTests {

    @Test
    void anAgentSeesTheirOwnCasesOrElseTheUnassignedOnes() {
        assertThat(QueueDefaults.view(Set.of(Role.AGENT), 3, 0)).isEqualTo("mine");
        assertThat(QueueDefaults.view(Set.of(Role.AGENT), 0, 7)).isEqualTo("unassigned");
        assertThat(QueueDefaults.view(Set.of(Role.SPECIALIST), 1, 0)).isEqualTo("mine");
    }

    @Test
    void aLeadSeesTheTeamBacklog() {
        assertThat(QueueDefaults.view(Set.of(Role.PROCESS_MANAGER), 2, 5)).isEqualTo("team");
        assertThat(QueueDefaults.view(Set.of(Role.PROCESS_MANAGER, Role.AGENT), 2, 5)).isEqualTo("team");
        assertThat(QueueDefaults.view(Set.of(Role.PROCESS_MANAGER), 0, 0)).isEqualTo("unassigned");
    }

    @Test
    void aDisputeSpecialistSeesDisputeCases() {
        assertThat(QueueDefaults.view(Set.of(Role.DISPUTE_SPECIALIST), 4, 4)).isEqualTo("disputes");
    }

    @Test
    void adminsAndAuditorsSeeEveryCase() {
        assertThat(QueueDefaults.view(Set.of(Role.ADMIN), 0, 0)).isEqualTo("all");
        assertThat(QueueDefaults.view(Set.of(Role.AUDITOR), 0, 0)).isEqualTo("all");
    }
}
