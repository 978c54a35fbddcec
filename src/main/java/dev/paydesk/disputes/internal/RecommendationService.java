package dev.paydesk.disputes.internal;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.disputes.Disputes;
import dev.paydesk.disputes.EvidencePack;
import dev.paydesk.disputes.Recommendation;
import dev.paydesk.disputes.Recommendations;
import dev.paydesk.disputes.ReasonCategory;
import dev.paydesk.shared.Money;

/** Feeds {@link AcceptOrFightPolicy} with the category prior, the merchant's outcomes and the evidence pack. */
@Service
class RecommendationService implements Recommendations {

    private final Disputes disputes;
    private final EvidencePackBuilder packs;
    private final JdbcClient jdbc;
    private final DisputeProperties properties;

    RecommendationService(Disputes disputes, EvidencePackBuilder packs, JdbcClient jdbc, DisputeProperties properties) {
        this.disputes = disputes;
        this.packs = packs;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    @Transactional(readOnly = true)
    public Recommendation recommend(UUID disputeId) {
        DisputeSummary d = disputes.dispute(disputeId);
        EvidencePack pack = packs.build(d);
        double[] prior = prior(d.reasonCategory());
        long[] outcomes = outcomes(d.merchantAccount(), d.reasonCategory(), d.id());
        return AcceptOrFightPolicy.decide(new AcceptOrFightPolicy.Inputs(d.reasonCategory(), prior[0], prior[1],
                outcomes[0], outcomes[1], pack.completeness(), properties.missingWeight(), d.amount(), d.fees(),
                new Money(properties.handlingCost(), d.amount().currency())));
    }

    double[] prior(ReasonCategory category) {
        return jdbc.sql("select alpha, beta from disputes_win_prior where category = ?").param(category.name())
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).optional()
                .orElse(new double[] {1, 1});
    }

    /** Won and lost disputes of the merchant account in the category, other than this one. */
    long[] outcomes(String account, ReasonCategory category, UUID except) {
        return jdbc.sql("""
                        select count(*) filter (where status = 'WON'), count(*) filter (where status = 'LOST')
                        from disputes_dispute where merchant_account = ? and reason_category = ? and id <> ?""")
                .params(account, category.name(), except)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }
}
