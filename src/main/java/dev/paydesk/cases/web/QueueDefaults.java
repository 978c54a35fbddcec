package dev.paydesk.cases.web;

import java.util.Set;

import dev.paydesk.platform.Role;

/**
 * The queue tab a user lands on when they open {@code /cases} without choosing one: a lead their team's
 * backlog, a dispute specialist the dispute cases, an agent or specialist their own cases (or, with none,
 * the unassigned cases of their markets); everyone else every case.
 */
final class QueueDefaults {

    private QueueDefaults() {
    }

    /**
     * @param mine how many open cases the user holds
     * @param team how many open cases wait in the user's queues
     */
    static String view(Set<Role> roles, long mine, long team) {
        if (roles.contains(Role.PROCESS_MANAGER)) {
            return team > 0 ? "team" : "unassigned";
        }
        if (roles.contains(Role.DISPUTE_SPECIALIST) && !roles.contains(Role.AGENT) && !roles.contains(Role.SPECIALIST)) {
            return "disputes";
        }
        if (roles.contains(Role.AGENT) || roles.contains(Role.SPECIALIST)) {
            return mine > 0 ? "mine" : "unassigned";
        }
        return "all";
    }
}
