package dev.paydesk.quality;

import dev.paydesk.cases.CaseDetail;

/** Who may review a case: never someone who worked it. */
public final class ReviewPolicy {

    private ReviewPolicy() {
    }

    /** A reviewer worked a case when it is assigned to them or they wrote anything on its timeline. */
    public static boolean worked(CaseDetail detail, String reviewer) {
        return reviewer.equals(detail.summary().assignee())
                || detail.timeline().stream().anyMatch(e -> reviewer.equals(e.author()));
    }
}
