package dev.paydesk.cases.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.paydesk.cases.CaseSettings;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.SlaPolicyChanged;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.platform.AdministrationPolicy;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.UserDirectory;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.MoneyParser;
import dev.paydesk.shared.NotFoundException;

/** Stores the case desk's configuration; every change is audited. */
@Service
class CaseSettingsService implements CaseSettings {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ClockSweep sweep;
    private final UserDirectory directory;

    CaseSettingsService(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events, ClockSweep sweep,
                        UserDirectory directory) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.sweep = sweep;
        this.directory = directory;
    }

    /** Settings of one market are edited within the caller's markets; settings of every market by all-markets users. */
    private static void requireEditable(@Nullable String market, Supplier<NotFoundException> notFound) {
        CurrentUser.enforce(p -> AdministrationPolicy.mayEditSetting(p, market), notFound);
    }

    /** Whether the signed-in caller sees a setting of this market (null: every market); background work sees all. */
    private static boolean visible(@Nullable String market) {
        return market == null || CurrentUser.principal().isEmpty() || CurrentUser.canAccessMarket(market);
    }

    /** An agent is a user: the caller must be able to manage that user (their markets within the caller's). */
    private void requireManagedAgent(String username) {
        Supplier<NotFoundException> unknown = () -> new NotFoundException("user " + username + " does not exist");
        CurrentUser.enforce(p -> directory.user(username).map(u -> AdministrationPolicy.mayManage(p, grant(u)))
                .orElseThrow(unknown), unknown);
    }

    /** Agents whose user the caller may manage; agents without a user only for all-markets callers. */
    private boolean agentVisible(String username) {
        return CurrentUser.principal().map(p -> directory.user(username)
                .map(u -> AdministrationPolicy.mayManage(p, grant(u)) instanceof AdministrationPolicy.Allowed)
                .orElse(p.allMarkets())).orElse(true);
    }

    private static AdministrationPolicy.Grant grant(UserDirectory.User user) {
        return new AdministrationPolicy.Grant(user.roles(), user.markets(), user.allMarkets());
    }

    @Override
    public List<Queue> queues() {
        return jdbc.sql("""
                select q.code, q.name, q.strategy, q.peer_function, q.ola_minutes,
                       coalesce(array_agg(m.username order by m.username) filter (where m.username is not null), '{}')
                from cases_queue q left join cases_queue_member m on m.queue_code = q.code
                group by q.code order by q.code""")
                .query((rs, n) -> new Queue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Integer) rs.getObject(5), CaseStore.strings(rs.getArray(6)))).list();
    }

    @Override
    @Transactional
    public Queue saveQueue(Queue q) {
        String code = q.code().strip().toLowerCase(Locale.ROOT);
        requireEditable(null, () -> new NotFoundException("queue " + code + " not found"));
        if (!code.matches("[a-z0-9][a-z0-9-]*")) {
            throw new InvalidInputException("code", "a queue code is lower-case letters, digits and dashes");
        }
        if (!List.of("MANUAL", "ROUND_ROBIN", "LEAST_LOADED").contains(q.strategy())) {
            throw new InvalidInputException("strategy", "strategy is MANUAL, ROUND_ROBIN or LEAST_LOADED");
        }
        jdbc.sql("""
                insert into cases_queue (code, name, strategy, peer_function, ola_minutes) values (?, ?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, strategy = excluded.strategy,
                    peer_function = excluded.peer_function, ola_minutes = excluded.ola_minutes""")
                .params(code, q.name(), q.strategy(), q.peerFunction(), q.olaMinutes()).update();
        audit.record("case-queue.saved", "case_queue", code, null, null, Map.of("name", q.name(), "strategy", q.strategy()));
        return queues().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
    }

    @Override
    public List<Agent> agents() {
        return jdbc.sql("""
                select a.username, a.capacity, a.languages, a.providers, a.active,
                       coalesce(array_agg(m.queue_code order by m.queue_code) filter (where m.queue_code is not null), '{}')
                from cases_agent a left join cases_queue_member m on m.username = a.username
                group by a.username order by a.username""")
                .query((rs, n) -> new Agent(rs.getString(1), rs.getInt(2), CaseStore.strings(rs.getArray(3)),
                        CaseStore.strings(rs.getArray(4)), rs.getBoolean(5), CaseStore.strings(rs.getArray(6)))).list()
                .stream().filter(a -> agentVisible(a.username())).toList();
    }

    @Override
    @Transactional
    public Agent saveAgent(Agent a) {
        requireManagedAgent(a.username());
        if (a.capacity() < 0) {
            throw new InvalidInputException("capacity", "capacity must not be negative");
        }
        jdbc.sql("""
                insert into cases_agent (username, capacity, languages, providers, active) values (?, ?, ?, ?, ?)
                on conflict (username) do update set capacity = excluded.capacity, languages = excluded.languages,
                    providers = excluded.providers, active = excluded.active""")
                .params(a.username(), a.capacity(), a.languages().stream().map(l -> l.toLowerCase(Locale.ROOT)).toArray(String[]::new),
                        a.providers().stream().map(p -> p.toUpperCase(Locale.ROOT)).toArray(String[]::new), a.active())
                .update();
        jdbc.sql("delete from cases_queue_member where username = ?").param(a.username()).update();
        for (String queue : a.queues()) {
            if (!queueExists(queue)) {
                throw new InvalidInputException("queues", "unknown queue '" + queue + "'");
            }
            jdbc.sql("insert into cases_queue_member (queue_code, username) values (?, ?)").params(queue, a.username()).update();
        }
        audit.record("case-agent.saved", "case_agent", a.username(), null, null,
                Map.of("capacity", a.capacity(), "queues", a.queues(), "languages", a.languages(), "providers", a.providers()));
        return agents().stream().filter(x -> x.username().equals(a.username())).findFirst().orElseThrow();
    }

    @Override
    public List<RoutingRule> routingRules() {
        return jdbc.sql("select * from cases_routing_rule order by position, id").query((rs, n) -> new RoutingRule(
                rs.getLong("id"), rs.getInt("position"), rs.getString("category"), rs.getString("market"),
                rs.getString("language"), rs.getString("provider"), (Long) rs.getObject("min_amount_minor"),
                rs.getString("currency"), rs.getString("queue_code"),
                rs.getString("priority") == null ? null : Priority.valueOf(rs.getString("priority")))).list()
                .stream().filter(r -> visible(r.market())).toList();
    }

    @Override
    @Transactional
    public RoutingRule addRoutingRule(RoutingRule r) {
        requireEditable(r.market(), () -> new NotFoundException("market " + r.market() + " does not exist"));
        checkRule(r);
        long id = jdbc.sql("""
                insert into cases_routing_rule (position, category, market, language, provider, min_amount_minor, currency,
                    queue_code, priority) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(r.position(), r.category(), r.market(), r.language(), r.provider(), r.minAmountMinor(), r.currency(),
                        r.queue(), r.priority() == null ? null : r.priority().name()).query(Long.class).single();
        audit.record("case-routing-rule.added", "case_routing_rule", Long.toString(id), r.market(), null, r);
        return routingRules().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    @Override
    @Transactional
    public RoutingRule updateRoutingRule(RoutingRule r) {
        Supplier<NotFoundException> unknown = () -> new NotFoundException("routing rule " + r.id() + " not found");
        RoutingRule before = jdbc.sql("select id from cases_routing_rule where id = ?").param(r.id()).query(Long.class).optional()
                .flatMap(id -> routingRules().stream().filter(x -> x.id() == id).findFirst()).orElseThrow(unknown);
        requireEditable(before.market(), unknown);
        requireEditable(r.market(), () -> new NotFoundException("market " + r.market() + " does not exist"));
        checkRule(r);
        jdbc.sql("""
                update cases_routing_rule set position = ?, category = ?, market = ?, language = ?, provider = ?,
                    min_amount_minor = ?, currency = ?, queue_code = ?, priority = ? where id = ?""")
                .params(r.position(), r.category(), r.market(), r.language(), r.provider(), r.minAmountMinor(), r.currency(),
                        r.queue(), r.priority() == null ? null : r.priority().name(), r.id()).update();
        audit.record("case-routing-rule.changed", "case_routing_rule", Long.toString(r.id()), r.market(), before, r);
        return routingRules().stream().filter(x -> x.id() == r.id()).findFirst().orElseThrow(unknown);
    }

    /** Refuses, under the field's name, what the table would refuse with a constraint error. */
    private void checkRule(RoutingRule r) {
        if (r.queue() == null || r.queue().isBlank()) {
            throw new InvalidInputException("queue", "choose the queue the rule routes to");
        }
        if (!queueExists(r.queue())) {
            throw new InvalidInputException("queue", "there is no queue '" + r.queue() + "'");
        }
        checkMarket(r.market());
        if ((r.minAmountMinor() == null) != (r.currency() == null)) {
            throw new InvalidInputException(r.currency() == null ? "currency" : "minAmount",
                    "an amount condition needs both an amount and a currency");
        }
        if (r.currency() != null) {
            MoneyParser.currency("currency", r.currency());
        }
        if (r.minAmountMinor() != null) {
            MoneyParser.minorUnits("minAmount", r.minAmountMinor(), java.util.Currency.getInstance(r.currency()),
                    MoneyParser.Sign.NON_NEGATIVE);
        }
    }

    /** Whether a queue with this code exists. */
    boolean queueExists(String code) {
        return jdbc.sql("select count(*) from cases_queue where code = ?").param(code).query(Long.class).single() > 0;
    }

    private static void checkMarket(@Nullable String market) {
        if (market != null && !market.matches("[A-Z]{2}")) {
            throw new InvalidInputException("market", "a market is a two-letter country code such as DE (leave it empty for every market)");
        }
    }

    @Override
    @Transactional
    public void deleteRoutingRule(long id) {
        Supplier<NotFoundException> unknown = () -> new NotFoundException("routing rule " + id + " not found");
        String market = jdbc.sql("select market from cases_routing_rule where id = ?").param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().orElseThrow(unknown).orElse(null);
        requireEditable(market, unknown);
        if (jdbc.sql("delete from cases_routing_rule where id = ?").param(id).update() == 0) {
            throw new NotFoundException("routing rule " + id + " not found");
        }
        audit.record("case-routing-rule.deleted", "case_routing_rule", Long.toString(id), market, null, null);
    }

    @Override
    public List<SlaPolicy> policies() {
        return jdbc.sql("select * from cases_sla_policy order by category nulls first, market nulls first, priority nulls first, id")
                .query((rs, n) -> {
                    SlaTargets t = SlaPolicies.targets(rs, n);
                    return new SlaPolicy(t.policyId(), t.policyName(), rs.getString("category"), rs.getString("market"),
                            rs.getString("priority") == null ? null : Priority.valueOf(rs.getString("priority")),
                            minutes(t.firstResponse()), minutes(t.nextResponse()), minutes(t.resolution()),
                            (int) t.warnBefore().toMinutes(), t.pauseReasons(), t.firstResponseRule());
                }).list().stream().filter(p -> visible(p.market())).toList();
    }

    private static Integer minutes(java.time.@Nullable Duration d) {
        return d == null ? null : (int) d.toMinutes();
    }

    @Override
    @Transactional
    public SlaPolicy savePolicy(SlaPolicy p) {
        requireEditable(p.market(), () -> new NotFoundException("market " + p.market() + " does not exist"));
        if (p.id() != 0) {
            Supplier<NotFoundException> unknown = () -> new NotFoundException("SLA policy " + p.id() + " not found");
            String current = jdbc.sql("select market from cases_sla_policy where id = ?").param(p.id())
                    .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().orElseThrow(unknown).orElse(null);
            requireEditable(current, unknown);
        }
        if (p.name() == null || p.name().isBlank()) {
            throw new InvalidInputException("name", "a name is required");
        }
        checkMarket(p.market());
        requireFreeScope(p);
        positive("firstResponseMinutes", p.firstResponseMinutes());
        positive("nextResponseMinutes", p.nextResponseMinutes());
        positive("resolutionMinutes", p.resolutionMinutes());
        if (p.warnBeforeMinutes() < 0) {
            throw new InvalidInputException("warnBeforeMinutes", "the warning lead must not be negative");
        }
        String[] reasons = p.pauseReasons().stream().map(WaitingReason::name).sorted().toArray(String[]::new);
        long id;
        if (p.id() == 0) {
            id = jdbc.sql("""
                    insert into cases_sla_policy (name, category, market, priority, first_response_minutes, next_response_minutes,
                        resolution_minutes, warn_before_minutes, pause_reasons, first_response_rule)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(p.name(), p.category(), p.market(), p.priority() == null ? null : p.priority().name(),
                            p.firstResponseMinutes(), p.nextResponseMinutes(), p.resolutionMinutes(), p.warnBeforeMinutes(),
                            reasons, p.firstResponseRule().name()).query(Long.class).single();
        } else {
            id = p.id();
            int updated = jdbc.sql("""
                    update cases_sla_policy set name = ?, category = ?, market = ?, priority = ?, first_response_minutes = ?,
                        next_response_minutes = ?, resolution_minutes = ?, warn_before_minutes = ?, pause_reasons = ?,
                        first_response_rule = ?, version = version + 1 where id = ?""")
                    .params(p.name(), p.category(), p.market(), p.priority() == null ? null : p.priority().name(),
                            p.firstResponseMinutes(), p.nextResponseMinutes(), p.resolutionMinutes(), p.warnBeforeMinutes(),
                            reasons, p.firstResponseRule().name(), id).update();
            if (updated == 0) {
                throw new NotFoundException("SLA policy " + id + " not found");
            }
        }
        audit.record("case-sla-policy.saved", "case_sla_policy", Long.toString(id), p.market(), null, p);
        events.publishEvent(new SlaPolicyChanged(id));
        return policies().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    /** Two policies for one category × market × priority would make "the most specific one" ambiguous. */
    private void requireFreeScope(SlaPolicy p) {
        jdbc.sql("""
                select name from cases_sla_policy where id <> ? and coalesce(category, '*') = coalesce(?, '*')
                    and coalesce(market, '*') = coalesce(?, '*') and coalesce(priority, '*') = coalesce(?, '*')""")
                .params(p.id(), p.category(), p.market(), p.priority() == null ? null : p.priority().name())
                .query(String.class).optional().ifPresent(other -> {
                    throw new InvalidInputException("scope", "the policy '" + other + "' already covers category "
                            + any(p.category()) + ", market " + any(p.market()) + ", priority " + any(p.priority())
                            + "; edit that policy or change the category, market or priority");
                });
    }

    private static String any(@Nullable Object value) {
        return value == null ? "any" : value.toString();
    }

    private static void positive(String field, @Nullable Integer minutes) {
        if (minutes != null && minutes <= 0) {
            throw new InvalidInputException(field, "a target is a positive number of business minutes (leave it empty to not measure it)");
        }
    }

    /** After the policy change commits, recompute the open cases' clocks. */
    @TransactionalEventListener
    void on(SlaPolicyChanged changed) {
        sweep.recomputeAllOpen();
    }
}
