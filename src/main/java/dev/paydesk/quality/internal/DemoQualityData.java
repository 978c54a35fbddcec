package dev.paydesk.quality.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseQuery;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.platform.PaydeskPrincipal;
import dev.paydesk.platform.Role;
import dev.paydesk.quality.Answer;
import dev.paydesk.quality.CalibrationSession;
import dev.paydesk.quality.Calibrations;
import dev.paydesk.quality.Criterion;
import dev.paydesk.quality.NewReview;
import dev.paydesk.quality.Reviews;
import dev.paydesk.quality.Scale;
import dev.paydesk.quality.Scorecard;
import dev.paydesk.quality.ScorecardDraft;
import dev.paydesk.quality.Scorecards;
import dev.paydesk.quality.sampling.SamplingRules;

/**
 * Demo quality data (after the demo cases): a fallback scorecard, last week's samples, a dozen reviews of
 * resolved DE cases by demo.quality and one revealed calibration session led by demo.process. Seeded once.
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "paydesk.demo.enabled", havingValue = "true")
class DemoQualityData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoQualityData.class);

    /** Who the demo acts as (the services read the signed-in user). */
    private record Demo(UUID userId, String username, Set<Role> roles, Set<String> markets, boolean allMarkets)
            implements PaydeskPrincipal {
    }

    private final Scorecards scorecards;
    private final Reviews reviews;
    private final Calibrations calibrations;
    private final SamplingService sampling;
    private final CaseDesk cases;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoQualityData(Scorecards scorecards, Reviews reviews, Calibrations calibrations, SamplingService sampling,
                    CaseDesk cases, JdbcClient jdbc, Clock clock) {
        this.scorecards = scorecards;
        this.reviews = reviews;
        this.calibrations = calibrations;
        this.sampling = sampling;
        this.cases = cases;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from quality_scorecard").query(Long.class).single() > 0) {
            return;
        }
        seed();
    }

    /** The seeding itself; returns the number of reviews made. */
    int seed() {
        Scorecard card = scorecards.save(new ScorecardDraft("Payment complaints", null, null, List.of(
                new Criterion("greeting", "Greets the customer by name", "Tone", 1, Scale.YES_NO, false, null),
                new Criterion("language", "Replies in the customer's language", "Tone", 1, Scale.YES_NO, false, "reply_language"),
                new Criterion("accuracy", "Explains the payment correctly", "Content", 3, Scale.ONE_TO_FIVE, false, null),
                new Criterion("verification", "SOP verification steps done", "Compliance", 2, Scale.YES_NO, true, "sop_steps"),
                new Criterion("card_data", "Never asks for card data", "Compliance", 2, Scale.YES_NO, true, "no_card_data_request"),
                new Criterion("clocks", "Met the service clocks", "Process", 1, Scale.YES_NO, false, "clock"))));
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        sampling.weekly(today, SamplingRules.standard(null));
        List<CaseSummary> resolved = cases.list(new CaseQuery(CaseQuery.View.ALL, null,
                Set.of(CaseStatus.RESOLVED, CaseStatus.CLOSED), "DE", null, null, null, null, null, 15, 0));
        Random random = new Random(20261207);
        int reviewed = 0;
        try {
            act(new Demo(UUID.randomUUID(), "demo.quality", Set.of(Role.QUALITY_REVIEWER), Set.of("DE", "NL"), false));
            for (CaseSummary c : resolved.subList(0, Math.min(12, resolved.size()))) {
                reviews.submit(new NewReview(c.key(), card.id(), answers(card, random)));
                reviewed++;
            }
            if (resolved.size() >= 3) {
                act(new Demo(UUID.randomUUID(), "demo.process", Set.of(Role.PROCESS_MANAGER), Set.of("DE", "FR", "IT", "ES"), false));
                List<String> keys = resolved.subList(0, 3).stream().map(CaseSummary::key).toList();
                CalibrationSession s = calibrations.create("Demo calibration", "DE", card.id(), keys, List.of("demo.quality"));
                keys.forEach(k -> calibrations.rate(s.id(), k, answers(card, random)));
                act(new Demo(UUID.randomUUID(), "demo.quality", Set.of(Role.QUALITY_REVIEWER), Set.of("DE", "NL"), false));
                keys.forEach(k -> calibrations.rate(s.id(), k, answers(card, random)));
                act(new Demo(UUID.randomUUID(), "demo.process", Set.of(Role.PROCESS_MANAGER), Set.of("DE", "FR", "IT", "ES"), false));
                calibrations.reveal(s.id());
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        log.info("Demo quality data: scorecard, last week's samples, {} reviews, one calibration session", reviewed);
        return reviewed;
    }

    private static void act(Demo user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList(user.roles().stream().map(Role::authority).toArray(String[]::new))));
    }

    /** Mostly good answers with a few misses, so the reports and the Pareto have something to show. */
    private static List<Answer> answers(Scorecard card, Random random) {
        List<Answer> out = new ArrayList<>();
        for (Criterion c : card.criteria()) {
            String value = c.scale() == Scale.ONE_TO_FIVE ? Integer.toString(2 + random.nextInt(4))
                    : random.nextInt(c.critical() ? 12 : 4) == 0 ? "no" : "yes";
            out.add(new Answer(c.code(), value, null));
        }
        return out;
    }
}
