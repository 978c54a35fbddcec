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
import dev.paydesk.platform.UserDirectory;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/**
 * Announcements of a change to chosen roles and markets: every targeted user sees them as unread until
 * they confirm reading; the process manager sees the read-confirmation rate per market.
 */
@Service
public class Announcements {

    public record Announcement(UUID id, String title, String body, String html, List<String> roles, List<String> markets,
                               @Nullable String articleId, String author, Instant publishedAt) {
    }

    /** Confirmed readers against targeted users, overall and per market. */
    public record ReadRate(UUID id, String title, int targeted, int confirmed, Map<String, MarketRate> perMarket) {
        public double rate() {
            return targeted == 0 ? 0 : (double) confirmed / targeted;
        }
    }

    /** Per market ("*" for all-markets users): targeted users and how many confirmed. */
    public record MarketRate(int targeted, int confirmed) {
    }

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final AuditLog audit;
    private final Clock clock;

    Announcements(JdbcClient jdbc, UserDirectory users, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether an announcement for these roles and markets reaches a user (empty lists: everyone). */
    static boolean targets(List<String> roles, List<String> markets, Set<Role> userRoles, Set<String> userMarkets,
                           boolean allMarkets) {
        boolean role = roles.isEmpty() || userRoles.stream().anyMatch(r -> roles.contains(r.name()));
        boolean market = markets.isEmpty() || allMarkets || userMarkets.stream().anyMatch(markets::contains);
        return role && market;
    }

    @Transactional
    public Announcement publish(@Nullable String title, @Nullable String body, @Nullable List<String> roles,
                                @Nullable List<String> markets, @Nullable String articleId) {
        if (title == null || title.isBlank() || body == null || body.isBlank()) {
            throw new InvalidInputException(title == null || title.isBlank() ? "title" : "body", "an announcement needs a title and a text");
        }
        List<String> r = roles == null ? List.of() : roles.stream().map(x -> Role.parse(x).name()).distinct().toList();
        List<String> m = markets == null ? List.of() : markets.stream().map(x -> x.trim().toUpperCase(Locale.ROOT)).distinct().toList();
        if (articleId != null && jdbc.sql("select count(*) from knowledge_article where id = :id").param("id", articleId)
                .query(Long.class).single() == 0) {
            throw new InvalidInputException("articleId", "no article " + articleId);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into knowledge_announcement (id, title, body, roles, markets, article_id, author, published_at)
                values (:id, :title, :body, cast(:roles as text[]), cast(:markets as text[]), :article, :author, :at)
                """).param("id", id).param("title", title.trim()).param("body", body).param("roles", Pg.array(r))
                .param("markets", Pg.array(m)).param("article", articleId).param("author", CurrentUser.actorName())
                .param("at", Timestamp.from(now)).update();
        audit.record("knowledge.announcement.published", "knowledge-announcement", id.toString(), null, null,
                Map.of("title", title.trim(), "roles", r, "markets", m));
        return find(id);
    }

    /** The signed-in user's unread announcements, newest first. */
    public List<Announcement> unread() {
        var me = CurrentUser.principal().orElseThrow(() -> new NotFoundException("nobody signed in"));
        return all().stream()
                .filter(a -> targets(a.roles(), a.markets(), me.roles(), me.markets(), me.allMarkets()))
                .filter(a -> jdbc.sql("select count(*) from knowledge_announcement_read where announcement_id = :id and username = :u")
                        .param("id", a.id()).param("u", me.username()).query(Long.class).single() == 0)
                .toList();
    }

    @Transactional
    public void confirmRead(UUID id) {
        var me = CurrentUser.principal().orElseThrow(() -> new NotFoundException("nobody signed in"));
        Announcement a = find(id);
        if (!targets(a.roles(), a.markets(), me.roles(), me.markets(), me.allMarkets())) {
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
        for (Announcement a : all()) {
            Set<String> readers = Set.copyOf(jdbc.sql("select username from knowledge_announcement_read where announcement_id = :id")
                    .param("id", a.id()).query(String.class).list());
            int targeted = 0;
            int confirmed = 0;
            Map<String, int[]> perMarket = new TreeMap<>();
            for (UserDirectory.User u : everyone) {
                if (!targets(a.roles(), a.markets(), u.roles(), u.markets(), u.allMarkets())) {
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
            }
            Map<String, MarketRate> markets = new TreeMap<>();
            perMarket.forEach((k, v) -> markets.put(k, new MarketRate(v[0], v[1])));
            rates.add(new ReadRate(a.id(), a.title(), targeted, confirmed, markets));
        }
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
        return jdbc.sql("select * from knowledge_announcement order by published_at desc limit 200").query((rs, n) -> map(rs)).list();
    }

    private static Announcement map(java.sql.ResultSet rs) throws java.sql.SQLException {
        String body = rs.getString("body");
        return new Announcement(rs.getObject("id", UUID.class), rs.getString("title"), body, MarkdownRenderer.toSafeHtml(body),
                Pg.strings(rs.getArray("roles")), Pg.strings(rs.getArray("markets")), rs.getString("article_id"),
                rs.getString("author"), rs.getTimestamp("published_at").toInstant());
    }
}
