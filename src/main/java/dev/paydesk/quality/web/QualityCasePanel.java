package dev.paydesk.quality.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.paydesk.cases.CaseDetail;
import dev.paydesk.cases.CasePanel;
import dev.paydesk.cases.CaseQualityChecks.AutomaticCheck;
import dev.paydesk.platform.PaydeskPrincipal;
import dev.paydesk.platform.Role;
import dev.paydesk.quality.Review;
import dev.paydesk.quality.ReviewPolicy;
import dev.paydesk.quality.Reviews;
import dev.paydesk.quality.internal.AutomaticCheckService;

/**
 * Quality's panel on the case page: the automatic checks of a resolved case, its reviews the user may
 * see, and for reviewers a link to review it.
 */
@Component
class QualityCasePanel implements CasePanel {

    private static final Set<Role> READERS = Set.of(Role.AGENT, Role.SPECIALIST, Role.DISPUTE_SPECIALIST,
            Role.PROCESS_MANAGER, Role.AUDITOR, Role.ADMIN, Role.QUALITY_REVIEWER);
    private static final Set<Role> REVIEWERS = Set.of(Role.PROCESS_MANAGER, Role.ADMIN, Role.QUALITY_REVIEWER);

    private final AutomaticCheckService checks;
    private final Reviews reviews;

    QualityCasePanel(AutomaticCheckService checks, Reviews reviews) {
        this.checks = checks;
        this.reviews = reviews;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Optional<Panel> panel(CaseDetail c, PaydeskPrincipal user) {
        if (c.summary().status().isOpen() || user.roles().stream().noneMatch(READERS::contains)) {
            return Optional.empty();
        }
        List<AutomaticCheck> found = checks.checks(c);
        List<Review> ofCase = reviews.list(null, c.summary().id().toString(), 20, 0);
        boolean mayReview = user.roles().stream().anyMatch(REVIEWERS::contains)
                && !ReviewPolicy.worked(c, user.username());
        return Optional.of(new Panel("quality/panels", "case", Map.of("checks", found, "reviews", ofCase,
                "mayReview", mayReview, "caseKey", c.summary().key())));
    }
}
