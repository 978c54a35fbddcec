package dev.paydesk.cases.web;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.paydesk.cases.BulkChanges;
import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/**
 * Undoing an applied bulk change within a short window: every field the change set goes back to its value before,
 * through the case desk's normal commands (so each step is audited and on the timeline), but only where the case
 * still shows what the bulk change left: a field someone changed since stays as they left it. Replies sent by a macro
 * and notes cannot be taken back.
 */
final class BulkUndo {

    /** How long after applying a bulk change it can be undone. */
    static final Duration WINDOW = Duration.ofMinutes(2);

    /** One field one case had changed (serialisable: it waits in the shared JDBC session). */
    record Step(UUID caseId, String key, String field, String before, String after) implements Serializable {
    }

    /** An applied change kept in the user's session until the window closes. */
    record Applied(UUID token, String user, Instant at, List<Step> steps) implements Serializable {

        Applied {
            steps = List.copyOf(steps);
        }

        static Applied of(UUID token, String user, Instant at, BulkChanges.Plan plan) {
            return new Applied(token, user, at, plan.cases().stream().flatMap(p -> p.changes().stream()
                    .map(f -> new Step(p.caseId(), p.key(), f.field(), f.before(), f.after()))).toList());
        }

        boolean open(Instant now) {
            return now.isBefore(at.plus(WINDOW));
        }
    }

    /** What the undo did: cases restored, and fields left alone with the reason. */
    record Outcome(int restored, List<String> kept) {
    }

    private BulkUndo() {
    }

    static Outcome undo(CaseDesk desk, Applied applied) {
        Set<UUID> restored = new HashSet<>();
        List<String> kept = new ArrayList<>();
        for (Step f : applied.steps()) {
            boolean reverted;
            try {
                reverted = revert(desk, f.caseId(), f);
            } catch (InvalidInputException | ConflictException | NotFoundException | IllegalStateException e) {
                reverted = false;
            }
            if (reverted) {
                restored.add(f.caseId());
            } else {
                kept.add(f.key() + " " + f.field());
            }
        }
        return new Outcome(restored.size(), kept);
    }

    /** Puts one field back; false when it cannot be undone or the case changed since. */
    private static boolean revert(CaseDesk desk, UUID id, Step f) {
        CaseSummary now = desk.get(id).summary();
        switch (f.field()) {
            case "queue" -> {
                if (!f.after().equals(nz(now.queue())) || f.before().isEmpty()) {
                    return false;
                }
                desk.assign(id, f.before(), now.assignee());
            }
            case "assignee" -> {
                if (!f.after().equals(nz(now.assignee()))) {
                    return false;
                }
                desk.assign(id, now.queue(), f.before().isEmpty() ? null : f.before());
            }
            case "status" -> {
                String current = now.status() + (now.waitingReason() == null ? "" : "/" + now.waitingReason());
                if (!f.after().equals(current)) {
                    return false;
                }
                String[] before = f.before().split("/");
                desk.changeStatus(id, CaseStatus.valueOf(before[0]), before.length > 1 ? WaitingReason.valueOf(before[1]) : null);
            }
            case "category" -> {
                if (!f.after().equals(nz(now.category())) || f.before().isEmpty()) {
                    return false;
                }
                desk.categorise(id, f.before(), true);
            }
            case "tags" -> {
                if (!f.after().equals(String.join(",", now.tags()))) {
                    return false;
                }
                desk.setTags(id, f.before().isEmpty() ? List.of() : Arrays.asList(f.before().split(",")));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static String nz(String s) {
        return Objects.requireNonNullElse(s, "");
    }
}
