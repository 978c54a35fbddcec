package dev.paydesk.cases.internal;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.CategoryDirectory;
import dev.paydesk.cases.Priority;
import dev.paydesk.shared.Money;

/**
 * Routing and assignment. The first routing rule (by position) whose non-null conditions all match
 * picks the queue (and may raise the priority); otherwise the category's default queue; otherwise
 * triage. Within the queue the queue's strategy picks an agent among its active members whose skills
 * fit the case: round-robin, or least-loaded under each agent's capacity.
 */
@Component
class CaseRouter {

    static final String FALLBACK_QUEUE = "triage";

    private final JdbcClient jdbc;
    private final ObjectProvider<CategoryDirectory> categories;

    CaseRouter(JdbcClient jdbc, ObjectProvider<CategoryDirectory> categories) {
        this.jdbc = jdbc;
        this.categories = categories;
    }

    /** What routing decided for a case. */
    record Route(String queue, @Nullable Priority priority, String reason) {
    }

    Route route(@Nullable String category, String market, String language, @Nullable String provider,
                @Nullable Money amount) {
        Optional<Route> byRule = jdbc.sql("""
                select id, queue_code, priority from cases_routing_rule
                where (category is null or category = ?) and (market is null or market = ?)
                  and (language is null or language = ?) and (provider is null or upper(provider) = upper(?))
                  and (min_amount_minor is null or (currency = cast(? as text) and cast(? as bigint) >= min_amount_minor))
                order by position, id limit 1""")
                .params(category, market, language, provider,
                        amount == null ? null : amount.currency().getCurrencyCode(), amount == null ? null : amount.minor())
                .query((rs, n) -> new Route(rs.getString(2),
                        rs.getString(3) == null ? null : Priority.valueOf(rs.getString(3)), "rule " + rs.getLong(1)))
                .optional();
        if (byRule.isPresent()) {
            return byRule.get();
        }
        if (category != null) {
            CategoryDirectory directory = categories.getIfAvailable();
            if (directory != null) {
                Optional<String> queue = directory.category(category, language).map(CategoryDirectory.Entry::defaultQueue)
                        .filter(q -> q != null && queueExists(q));
                if (queue.isPresent()) {
                    return new Route(queue.get(), null, "category " + category);
                }
            }
        }
        return new Route(FALLBACK_QUEUE, null, "no rule matched");
    }

    boolean queueExists(String code) {
        return jdbc.sql("select count(*) from cases_queue where code = ?").param(code).query(Long.class).single() > 0;
    }

    /** The peer function (tech, risk, finance, product) a queue serves, if it is a peer-function queue. */
    Optional<String> peerFunction(String queue) {
        return jdbc.sql("select peer_function from cases_queue where code = ? and peer_function is not null").param(queue)
                .query(String.class).optional();
    }

    /** Picks an agent in the queue by its strategy, or none (manual queues, nobody eligible or all full). */
    Optional<String> assign(String queue, String language, @Nullable String provider) {
        String strategy = jdbc.sql("select strategy from cases_queue where code = ? for update").param(queue)
                .query(String.class).optional().orElse("MANUAL");
        if (strategy.equals("MANUAL")) {
            return Optional.empty();
        }
        List<Candidate> eligible = jdbc.sql("""
                select a.username, a.capacity,
                       (select count(*) from cases_case c where c.assignee = a.username and c.status not in ('RESOLVED', 'CLOSED')) as load
                from cases_queue_member m join cases_agent a on a.username = m.username
                where m.queue_code = ? and a.active
                  and (cardinality(a.languages) = 0 or ? = any(a.languages))
                  and (cardinality(a.providers) = 0 or cast(? as text) is null or upper(?) = any(select upper(p) from unnest(a.providers) p))
                order by a.username""")
                .params(queue, language, provider, provider)
                .query((rs, n) -> new Candidate(rs.getString(1), rs.getInt(2), rs.getLong(3))).list();
        return switch (strategy) {
            case "ROUND_ROBIN" -> roundRobin(queue, eligible);
            default -> AssignmentStrategy.leastLoaded(eligible);
        };
    }

    private Optional<String> roundRobin(String queue, List<Candidate> eligible) {
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        long cursor = jdbc.sql("update cases_queue set rr_cursor = rr_cursor + 1 where code = ? returning rr_cursor - 1")
                .param(queue).query(Long.class).single();
        return AssignmentStrategy.roundRobin(eligible, cursor);
    }

    /** An agent who could take the case, with how many open cases they hold. */
    record Candidate(String username, int capacity, long load) {
    }
}
