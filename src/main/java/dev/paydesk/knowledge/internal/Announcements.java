package dev.paydesk.knowledge.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.SupplierDirectory;
import dev.paydesk.platform.UserAffiliations;
import dev.paydesk.platform.UserDirectory;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/**
 * Announcements of a change to chosen roles, markets and suppliers: every targeted user sees them as unread
 * until they confirm reading; the process manager sees the read-confirmation rate per market and per supplier.
 */
@Service
public class Announcements {

    /** Targets a supplier's users by its code; {@value #IN_HOUSE} targets the users of no supplier. */
    public static final String IN_HOUSE = "in-house";

    /** How many of the newest announcements the lists and read rates look at. */
    static final int LATEST = 200;

    public record Announcement(UUID id, String title, String body, String html, List<String> roles, List<String> markets,
                               List<String> suppliers, @Nullable String articleId, String author, Instant publishedAt) {
    }

    /**
     * Confirmed readers against targeted users, overall, per market and per supplier ({@value #IN_HOUSE} for users of
     * no supplier).
     */
    public record ReadRate(UUID id, String title, int targeted, int confirmed, Map<String, MarketRate> perMarket,
                           Map<String, MarketRate> perSupplier) {
        public double rate() {
            return targeted == 0 ? 0 : (double) confirmed / targeted;
        }
    }

    /** Per market ("*" for all-markets users) or supplier: targeted users and how many confirmed. */
    public record MarketRate(int targeted, int confirmed) {
    }

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final UserAffiliations affiliations;
    private final SupplierDirectory supplierDirectory;
    private final AuditLog audit;
    private final Clock clock;

    Announcements(JdbcClient jdbc, UserDirectory users, UserAffiliations affiliations, SupplierDirectory supplierDirectory,
                  AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.affiliations = affiliations;
        this.supplierDirectory = supplierDirectory;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Whether an announcement for these roles, markets and suppliers reaches a user (an empty list: everyone);
     * {@code supplier} is the user's supplier code or {@value #IN_HOUSE}.
     */
    static boolean targets(List<String> roles, List<String> markets, List<String> suppliers, Set<Role> userRoles,
                           Set<String> userMarkets, boolean allMarkets, String supplier) {
        boolean role = roles.isEmpty() || userRoles.stream().anyMatch(r -> roles.contains(r.name()));
        boolean market = markets.isEmpty() || allMarkets || userMarkets.stream().anyMatch(markets::contains);
        return role && market && (suppliers.isEmpty() || suppliers.contains(supplier));
    }

    private String supplierOf(String username) {
        return affiliations.of(username).supplier().orElse(IN_HOUSE);
    }

    private boolean reaches(Announcement a, dev.paydesk.platform.PaydeskPrincipal me) {
        return targets(a.roles(), a.markets(), a.suppliers(), me.roles(), me.markets(), me.allMarkets(),
                supplierOf(me.username()));
    }

    @Transactional
    public Announcement publish(@Nullable String title, @Nullable String body, @Nullable List<String> roles,
                                @Nullable List<String> markets, @Nullable List<String> suppliers, @Nullable String articleId) {
        if (title == null || title.isBlank() || body == null || body.isBlank()) {
            throw new InvalidInputException(title == null || title.isBlank() ? "title" : "body", "an announcement needs a title and a text");
        }
        List<String> r = roles == null ? List.of() : roles.stream().map(x -> Role.parse(x).name()).distinct().toList();
        List<String> m = markets == null ? List.of() : markets.stream().map(x -> x.trim().toUpperCase(Locale.ROOT)).distinct().toList();
        List<String> sup = suppliers == null ? List.of() : suppliers.stream().map(x -> x.trim().toLowerCase(Locale.ROOT))
                .filter(x -> !x.isEmpty()).distinct().toList();
        Map<String, String> known = supplierDirectory.suppliers();
        List<String> unknown = sup.stream().filter(x -> !x.equals(IN_HOUSE) && !known.containsKey(x)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("suppliers", "unknown supplier " + String.join(", ", unknown));
        }
        if (articleId != null && jdbc.sql("select count(*) from knowledge_article where id = :id").param("id", articleId)
                .query(Long.class).single() == 0) {
            throw new InvalidInputException("articleId", "no article " + articleId);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into knowledge_announcement (id, title, body, roles, markets, suppliers, article_id, author, published_at)
                values (:id, :title, :body, cast(:roles as text[]), cast(:markets as text[]), cast(:suppliers as text[]),
                        :article, :author, :at)
                """).param("id", id).param("title", title.trim()).param("body", body).param("roles", Pg.array(r))
                .param("markets", Pg.array(m)).param("suppliers", Pg.array(sup)).param("article", articleId)
                .param("author", CurrentUser.actorName())
                .param("at", Timestamp.from(now)).update();
        audit.record("knowledge.announcement.published", "knowledge-announcement", id.toString(), null, null,
                Map.of("title", title.trim(), "roles", r, "markets", m, "suppliers", sup));
        return find(id);
    }

    /**
     * The signed-in user's unread announcements among the latest {@value #LATEST}, newest first: one query for the
     * announcements without the user's read confirmation, then the targeting (roles, markets, supplier) in memory.
     */
    public List<Announcement> unread() {
        var me = CurrentUser.principal().orElseThrow(() -> new NotFoundException("nobody signed in"));
        String supplier = supplierOf(me.username());
        return jdbc.sql("""
                select a.* from (select * from knowledge_announcement order by published_at desc limit :latest) a
                where not exists (select 1 from knowledge_announcement_read r
                                  where r.announcement_id = a.id and r.username = :u)
                order by a.published_at desc
                """).param("latest", LATEST).param("u", me.username()).query((rs, n) -> map(rs)).list().stream()
                .filter(a -> targets(a.roles(), a.markets(), a.suppliers(), me.roles(), me.markets(), me.allMarkets(),
                        supplier))
                .toList();
    }

    @Transactional
    public void confirmRead(UUID id) {
        var me = CurrentUser.principal().orElseThrow(() -> new NotFoundException("nobody signed in"));
        Announcement a = find(id);
        if (!reaches(a, me)) {
            throw new NotFoundException("no announcement " + id + " for you");
        }
        int inserted = jdbc.sql("""
                insert into knowledge_announcement_read (announcement_id, username, confirmed_at) values (:id, :u, :at)
                on conflict do nothing
                """).param("id", id).param("u", me.username()).param("at", Timestamp.from(clock.instant())).update();
        if (inserted == 1) {
            audit.record("knowledge.announcement.read", "knowledge-announcement", id.toString(), null, null,
                    Map.of("user", me.username()));
        }
    }

    public List<ReadRate> readRates() {
        List<ReadRate> rates = new ArrayList<>();
        List<UserDirectory.User> everyone = users.users();
        Map<String, UserAffiliations.Affiliation> affiliation = affiliations.all();
        for (Announcement a : all()) {
            Set<String> readers = Set.copyOf(jdbc.sql("select username from knowledge_announcement_read where announcement_id = :id")
                    .param("id", a.id()).query(String.class).list());
            int targeted = 0;
            int confirmed = 0;
            Map<String, int[]> perMarket = new TreeMap<>();
            Map<String, int[]> perSupplier = new TreeMap<>();
            for (UserDirectory.User u : everyone) {
                String supplier = affiliation.getOrDefault(u.username().toLowerCase(Locale.ROOT),
                        UserAffiliations.Affiliation.IN_HOUSE).supplier().orElse(IN_HOUSE);
                if (!targets(a.roles(), a.markets(), a.suppliers(), u.roles(), u.markets(), u.allMarkets(), supplier)) {
                    continue;
                }
                boolean read = readers.contains(u.username());
                targeted++;
                confirmed += read ? 1 : 0;
                for (String market : u.allMarkets() ? Set.of("*") : u.markets()) {
                    int[] counts = perMarket.computeIfAbsent(market, k -> new int[2]);
                    counts[0]++;
                    counts[1] += read ? 1 : 0;
                }
                int[] bySupplier = perSupplier.computeIfAbsent(supplier, k -> new int[2]);
                bySupplier[0]++;
                bySupplier[1] += read ? 1 : 0;
            }
            rates.add(new ReadRate(a.id(), a.title(), targeted, confirmed, rates(perMarket), rates(perSupplier)));
        }
        return rates;
    }

    private static Map<String, MarketRate> rates(Map<String, int[]> counts) {
        Map<String, MarketRate> rates = new TreeMap<>();
        counts.forEach((k, v) -> rates.put(k, new MarketRate(v[0], v[1])));
        return rates;
    }

    /** Who confirmed reading an announcement, and when, in order of confirmation. */
    public record Reader(String username, Instant confirmedAt) {
    }

    public Announcement announcement(UUID id) {
        return find(id);
    }

    public List<Reader> readers(UUID id) {
        find(id);
        return jdbc.sql("select username, confirmed_at from knowledge_announcement_read where announcement_id = :id order by confirmed_at, username")
                .param("id", id).query((rs, n) -> new Reader(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
    }

    private Announcement find(UUID id) {
        return jdbc.sql("select * from knowledge_announcement where id = :id").param("id", id).query((rs, n) -> map(rs))
                .optional().orElseThrow(() -> new NotFoundException("no announcement " + id));
    }

    private List<Announcement> all() {
        return jdbc.sql("select * from knowledge_announcement order by published_at desc limit :latest")
                .param("latest", LATEST).query((rs, n) -> map(rs)).list();
    }

    private static Announcement map(java.sql.ResultSet rs) throws java.sql.SQLException {
        String body = rs.getString("body");
        return new Announcement(rs.getObject("id", UUID.class), rs.getString("title"), body, MarkdownRenderer.toSafeHtml(body),
                Pg.strings(rs.getArray("roles")), Pg.strings(rs.getArray("markets")), Pg.strings(rs.getArray("suppliers")),
                rs.getString("article_id"),
                rs.getString("author"), rs.getTimestamp("published_at").toInstant());
    }
}
