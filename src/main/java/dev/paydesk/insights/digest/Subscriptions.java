package dev.paydesk.insights.digest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.PaydeskPrincipal;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.ListPage;
import dev.paydesk.shared.ListQuery;
import dev.paydesk.shared.NotFoundException;

/** The signed-in user's digest subscriptions (only markets they may see), every change audited. */
@Component
class Subscriptions {

    /** One subscription; {@code markets} sorted. */
    record Subscription(UUID id, String username, DigestPeriod.Frequency frequency, List<String> markets,
                        String timeZone, String language, int sendHour, boolean targetAlerts, Instant createdAt,
                        int version) {

        String marketsKey() {
            return String.join(",", markets);
        }
    }

    /** What a user asks for; blanks take the defaults (first market's zone, the UI language, 07:00, alerts on). */
    record Form(@Nullable String frequency, @Nullable List<String> markets, @Nullable String timeZone,
                @Nullable String language, @Nullable Integer sendHour, @Nullable Boolean targetAlerts) {
    }

    static final Map<String, String> SORTS = sorts();

    private final JdbcClient jdbc;
    private final MarketCatalog catalog;
    private final AuditLog audit;
    private final Clock clock;

    Subscriptions(JdbcClient jdbc, MarketCatalog catalog, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    private static Map<String, String> sorts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("frequency", "frequency");
        m.put("markets", "markets");
        m.put("timeZone", "time_zone");
        m.put("sendHour", "send_hour");
        m.put("created", "created_at");
        return m;
    }

    ListPage<Subscription> mine(ListQuery query) {
        String me = me().username();
        long total = jdbc.sql("select count(*) from insights_subscription where username = ?").param(me)
                .query(Long.class).single();
        List<Subscription> items = jdbc.sql("select * from insights_subscription where username = ? order by "
                        + query.orderBy(SORTS, "created_at desc") + ", id limit ? offset ?")
                .params(me, query.size(), query.offset()).query(Subscriptions::map).list();
        return ListPage.of(items, total, query, SORTS.keySet());
    }

    Subscription mine(UUID id) {
        return find(id).filter(s -> s.username().equals(me().username()))
                .orElseThrow(() -> new NotFoundException("no subscription " + id));
    }

    List<Subscription> all() {
        return jdbc.sql("select * from insights_subscription order by created_at, id").query(Subscriptions::map).list();
    }

    @Transactional
    Subscription create(Form form, Locale uiLanguage) {
        PaydeskPrincipal me = me();
        Subscription s = validate(UUID.randomUUID(), me, form, uiLanguage, Instant.now(clock), 0);
        try {
            jdbc.sql("""
                    insert into insights_subscription (id, username, frequency, markets, time_zone, language, send_hour,
                        target_alerts, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(s.id(), s.username(), s.frequency().name(), s.marketsKey(), s.timeZone(), s.language(),
                            s.sendHour(), s.targetAlerts(), Timestamp.from(s.createdAt()), Timestamp.from(s.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicate(s);
        }
        audit.record("insights.subscription-created", "insights_subscription", s.id().toString(), single(s),
                null, asMap(s));
        return s;
    }

    @Transactional
    Subscription update(UUID id, Form form, Locale uiLanguage) {
        Subscription before = mine(id);
        Subscription s = validate(id, me(), form, uiLanguage, before.createdAt(), before.version() + 1);
        try {
            int n = jdbc.sql("""
                    update insights_subscription set frequency = ?, markets = ?, time_zone = ?, language = ?, send_hour = ?,
                        target_alerts = ?, updated_at = ?, version = version + 1 where id = ? and version = ?""")
                    .params(s.frequency().name(), s.marketsKey(), s.timeZone(), s.language(), s.sendHour(),
                            s.targetAlerts(), Timestamp.from(Instant.now(clock)), id, before.version())
                    .update();
            if (n == 0) {
                throw new ConflictException("the subscription was changed meanwhile; reload and try again");
            }
        } catch (DuplicateKeyException e) {
            throw duplicate(s);
        }
        audit.record("insights.subscription-changed", "insights_subscription", id.toString(), single(s),
                asMap(before), asMap(s));
        return s;
    }

    @Transactional
    void delete(UUID id) {
        Subscription before = mine(id);
        jdbc.sql("delete from insights_subscription where id = ?").param(id).update();
        audit.record("insights.subscription-deleted", "insights_subscription", id.toString(), single(before),
                asMap(before), null);
    }

    private Optional<Subscription> find(UUID id) {
        return jdbc.sql("select * from insights_subscription where id = ?").param(id).query(Subscriptions::map).optional();
    }

    private Subscription validate(UUID id, PaydeskPrincipal me, Form form, Locale uiLanguage, Instant created, int version) {
        DigestPeriod.Frequency frequency;
        try {
            frequency = DigestPeriod.Frequency.valueOf(text(form.frequency(), "DAILY").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("frequency", "frequency is daily or weekly");
        }
        TreeSet<String> markets = new TreeSet<>();
        for (String m : form.markets() == null ? List.<String>of() : form.markets()) {
            Arrays.stream(m.split("[\\s,;]+")).filter(c -> !c.isBlank()).map(c -> c.strip().toUpperCase(Locale.ROOT))
                    .forEach(markets::add);
        }
        if (markets.isEmpty()) {
            throw new InvalidInputException("markets", "choose at least one market");
        }
        for (String m : markets) {
            if (catalog.market(m).isEmpty() || !me.canAccessMarket(m)) {
                throw new InvalidInputException("markets", "unknown market '" + m + "'");
            }
        }
        String zone = text(form.timeZone(), catalog.market(markets.first()).orElseThrow().zone().getId());
        try {
            zone = ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "unknown time zone '" + zone + "' (e.g. Europe/Berlin)");
        }
        String language = text(form.language(), uiLanguage.getLanguage()).toLowerCase(Locale.ROOT);
        if (!language.equals("de")) {
            if (form.language() != null && !form.language().isBlank() && !language.equals("en")) {
                throw new InvalidInputException("language", "language is en or de");
            }
            language = "en";
        }
        int hour = form.sendHour() == null ? 7 : form.sendHour();
        if (hour < 0 || hour > 23) {
            throw new InvalidInputException("sendHour", "the hour to send is 0 to 23");
        }
        return new Subscription(id, me.username(), frequency, List.copyOf(markets), zone, language, hour,
                form.targetAlerts() == null || form.targetAlerts(), created, version);
    }

    private static ConflictException duplicate(Subscription s) {
        return new ConflictException("you already have a " + s.frequency().name().toLowerCase(Locale.ROOT)
                + " digest of " + s.marketsKey());
    }

    private static @Nullable String single(Subscription s) {
        return s.markets().size() == 1 ? s.markets().getFirst() : null;
    }

    private static String text(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static PaydeskPrincipal me() {
        return CurrentUser.principal().orElseThrow(() -> new NotFoundException("no signed-in user"));
    }

    private static Map<String, Object> asMap(Subscription s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", s.username());
        m.put("frequency", s.frequency().name());
        m.put("markets", s.markets());
        m.put("timeZone", s.timeZone());
        m.put("language", s.language());
        m.put("sendHour", s.sendHour());
        m.put("targetAlerts", s.targetAlerts());
        return m;
    }

    private static Subscription map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("username"),
                DigestPeriod.Frequency.valueOf(rs.getString("frequency")), List.of(rs.getString("markets").split(",")),
                rs.getString("time_zone"), rs.getString("language"), rs.getInt("send_hour"), rs.getBoolean("target_alerts"),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
    }
}
