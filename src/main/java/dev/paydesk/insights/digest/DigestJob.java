package dev.paydesk.insights.digest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.paydesk.insights.Insights;
import dev.paydesk.insights.Kpi;
import dev.paydesk.insights.KpiRequest;
import dev.paydesk.platform.JobCoordinator;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.PaydeskPrincipal;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.UserDirectory;

/**
 * Mails due digests and target crossings on one node (job lease {@code insights.digests}). Each e-mail
 * first gets a sent-marker row ({@code pending}); it is claimed ({@code sending}, committed) before SMTP
 * is asked and marked {@code sent} after, so a second run or node never sends it again. An SMTP failure
 * puts it back to {@code pending} for the next run. KPIs are computed as the subscriber (their markets
 * and, for agents, their queues), so an e-mail never shows more than the user could see in Paydesk.
 */
@Component
class DigestJob {

    private static final Logger LOG = LoggerFactory.getLogger(DigestJob.class);
    private static final EnumSet<Role> MARKET_WIDE = EnumSet.complementOf(EnumSet.of(Role.AGENT));

    /** What one run did. {@code skipped}: users without an e-mail address or no longer seeing the markets. */
    record Summary(int queued, int sent, int skipped, int failed) {
        static final Summary OFF = new Summary(0, 0, 0, 0);
    }

    /** A target crossing to mail, with the KPI's unit. */
    record AlertRow(long id, String kpi, String unit, String market, String status, String previous, double value,
                    double target, Instant at) {
    }

    private final JdbcClient jdbc;
    private final Subscriptions subscriptions;
    private final Insights insights;
    private final UserDirectory users;
    private final DigestMail mail;
    private final DigestSettings settings;
    private final JobCoordinator jobs;
    private final MarketCatalog markets;
    private final Clock clock;

    DigestJob(JdbcClient jdbc, Subscriptions subscriptions, Insights insights, UserDirectory users, DigestMail mail,
              DigestSettings settings, JobCoordinator jobs, MarketCatalog markets, Clock clock) {
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
        this.insights = insights;
        this.users = users;
        this.mail = mail;
        this.settings = settings;
        this.jobs = jobs;
        this.markets = markets;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${paydesk.insights.digest.check-interval:PT5M}", initialDelayString = "${paydesk.insights.digest.initial-delay:PT1M}")
    void scheduled() {
        jobs.runExclusively("insights.digests", Duration.ofMinutes(30), () -> run(clock.instant()));
    }

    /** Queues what is due at {@code now}, then sends every pending e-mail. */
    synchronized Summary run(Instant now) {
        if (!mail.enabled()) {
            return Summary.OFF;
        }
        List<Subscriptions.Subscription> all = subscriptions.all();
        int queued = queueDigests(all, now) + queueAlerts(now);
        int[] counts = new int[3];
        for (Delivery d : pendingDigests()) {
            count(counts, deliver(d, all, now));
        }
        for (AlertMail a : pendingAlerts()) {
            count(counts, deliver(a, all, now));
        }
        Summary summary = new Summary(queued, counts[0], counts[1], counts[2]);
        if (summary.sent() + summary.skipped() + summary.failed() > 0) {
            LOG.info("insights e-mails: {} queued, {} sent, {} skipped (no address or out of scope), {} failed (retried later)",
                    summary.queued(), summary.sent(), summary.skipped(), summary.failed());
        }
        return summary;
    }

    private static void count(int[] counts, Outcome o) {
        switch (o) {
            case SENT -> counts[0]++;
            case SKIPPED -> counts[1]++;
            case FAILED -> counts[2]++;
            case NONE -> { }
        }
    }

    enum Outcome { SENT, SKIPPED, FAILED, NONE }

    // --- digests

    private record Delivery(String username, String frequency, String markets, DigestPeriod period) {
    }

    private int queueDigests(List<Subscriptions.Subscription> all, Instant now) {
        int queued = 0;
        for (Subscriptions.Subscription s : all) {
            DigestPeriod p = DigestPeriod.latestDue(s.frequency(), ZoneId.of(s.timeZone()), s.sendHour(), now);
            queued += jdbc.sql("""
                    insert into insights_digest_delivery (username, frequency, markets, period_start, period_end, subscription,
                        status, created_at) values (?, ?, ?, ?, ?, ?, 'pending', ?) on conflict do nothing""")
                    .params(s.username(), s.frequency().name(), s.marketsKey(), p.start(), p.end(), s.id(), Timestamp.from(now))
                    .update();
        }
        return queued;
    }

    private List<Delivery> pendingDigests() {
        return jdbc.sql("""
                select username, frequency, markets, period_start, period_end from insights_digest_delivery
                where status = 'pending' order by period_start, username""")
                .query((rs, i) -> new Delivery(rs.getString(1), rs.getString(2), rs.getString(3),
                        new DigestPeriod(rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate()))).list();
    }

    private Outcome deliver(Delivery d, List<Subscriptions.Subscription> all, Instant now) {
        String key = "username = ? and frequency = ? and markets = ? and period_start = ?";
        Object[] keyParams = {d.username(), d.frequency(), d.markets(), d.period().start()};
        Optional<Subscriptions.Subscription> sub = all.stream().filter(s -> s.username().equals(d.username())
                && s.frequency().name().equals(d.frequency()) && s.marketsKey().equals(d.markets())).findFirst();
        Optional<UserDirectory.User> user = users.user(d.username()).filter(UserDirectory.User::enabled);
        List<String> visible = user.map(u -> List.of(d.markets().split(",")).stream()
                .filter(m -> (u.allMarkets() || u.markets().contains(m)) && markets.market(m).isPresent()).toList())
                .orElse(List.of());
        String skip = sub.isEmpty() ? "unsubscribed" : visible.isEmpty() ? "the user sees none of the markets" : null;
        if (skip != null) {
            return finish("insights_digest_delivery", key, keyParams, "out_of_scope", skip, d.username());
        }
        if (user.get().email().filter(e -> !e.isBlank()).isEmpty()) {
            return finish("insights_digest_delivery", key, keyParams, "no_address", "no e-mail address", d.username());
        }
        return send("insights_digest_delivery", key, keyParams, now, () -> {
            List<DigestMail.Section> sections = asUser(user.get(), () -> visible.stream().map(m -> new DigestMail.Section(m,
                    insights.kpis(KpiRequest.period(d.period().start(), d.period().end()).withMarket(m)))).toList());
            mail.sendDigest(user.get().email().orElseThrow(), sub.get(), d.period(), sections);
        });
    }

    // --- target crossings

    private record AlertMail(AlertRow alert, String username) {
    }

    private int queueAlerts(Instant now) {
        return jdbc.sql("""
                insert into insights_alert_mail (alert_id, username, status, created_at)
                select distinct a.id, s.username, 'pending', cast(? as timestamptz)
                from insights_alert a join insights_subscription s
                  on s.target_alerts and a.created_at >= s.created_at and a.market = any(string_to_array(s.markets, ','))
                where a.created_at > cast(? as timestamptz) - interval '7 days'
                on conflict do nothing""")
                .params(Timestamp.from(now), Timestamp.from(now)).update();
    }

    private List<AlertMail> pendingAlerts() {
        return jdbc.sql("""
                select a.id, a.kpi, a.market, a.status, a.previous, a.value, a.target, a.created_at, m.username
                from insights_alert_mail m join insights_alert a on a.id = m.alert_id
                where m.status = 'pending' order by a.id, m.username""")
                .query((rs, i) -> new AlertMail(new AlertRow(rs.getLong(1), rs.getString(2),
                        Kpi.byKey(rs.getString(2)).map(Kpi::unit).orElse(""), rs.getString(3), rs.getString(4),
                        rs.getString(5) == null ? "" : rs.getString(5), rs.getDouble(6), rs.getDouble(7),
                        rs.getTimestamp(8).toInstant()), rs.getString(9))).list();
    }

    private Outcome deliver(AlertMail m, List<Subscriptions.Subscription> all, Instant now) {
        String key = "alert_id = ? and username = ?";
        Object[] keyParams = {m.alert().id(), m.username()};
        Optional<Subscriptions.Subscription> sub = all.stream().filter(s -> s.username().equals(m.username())
                && s.targetAlerts() && s.markets().contains(m.alert().market())).findFirst();
        Optional<UserDirectory.User> user = users.user(m.username()).filter(UserDirectory.User::enabled)
                .filter(u -> u.allMarkets() || u.markets().contains(m.alert().market()))
                .filter(u -> u.roles().stream().anyMatch(MARKET_WIDE::contains));
        if (sub.isEmpty() || user.isEmpty()) {
            return finish("insights_alert_mail", key, keyParams, "out_of_scope", "not subscribed or not in scope", m.username());
        }
        Optional<String> to = user.get().email().filter(e -> !e.isBlank());
        if (to.isEmpty()) {
            return finish("insights_alert_mail", key, keyParams, "no_address", "no e-mail address", m.username());
        }
        Locale locale = Locale.forLanguageTag(sub.get().language());
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .format(m.alert().at().atZone(ZoneId.of(sub.get().timeZone()))) + " (" + sub.get().timeZone() + ")";
        return send("insights_alert_mail", key, keyParams, now,
                () -> mail.sendAlert(to.get(), sub.get().language(), m.alert(), when));
    }

    // --- the sent-marker protocol

    private Outcome finish(String table, String key, Object[] keyParams, String status, String why, String username) {
        LOG.info("insights e-mail to {} skipped: {}", username, why);
        List<Object> params = new ArrayList<>(List.of(status, why));
        params.addAll(List.of(keyParams));
        jdbc.sql("update " + table + " set status = ?, last_error = ? where " + key + " and status = 'pending'")
                .params(params).update();
        return Outcome.SKIPPED;
    }

    private Outcome send(String table, String key, Object[] keyParams, Instant now, Runnable sending) {
        if (jdbc.sql("update " + table + " set status = 'sending', attempts = attempts + 1 where " + key
                + " and status = 'pending'").params(keyParams).update() == 0) {
            return Outcome.NONE;
        }
        try {
            sending.run();
        } catch (RuntimeException e) { // SMTP (MailException) or writing the e-mail: nothing went out, try again later
            List<Object> params = new ArrayList<>(List.of(settings.maxAttempts(), String.valueOf(e.getMessage())));
            params.addAll(List.of(keyParams));
            jdbc.sql("update " + table + " set status = case when attempts >= ? then 'failed' else 'pending' end,"
                    + " last_error = ? where " + key).params(params).update();
            LOG.warn("insights e-mail not sent (kept for the next run): {}", e.getMessage());
            return Outcome.FAILED;
        }
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(now)));
        params.addAll(List.of(keyParams));
        jdbc.sql("update " + table + " set status = 'sent', sent_at = ?, last_error = null where " + key).params(params).update();
        return Outcome.SENT;
    }

    /** Runs {@code work} signed in as the subscriber, so the KPI service applies their markets and queues. */
    private static <T> T asUser(UserDirectory.User user, Supplier<T> work) {
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        Subscriber principal = new Subscriber(UUID.nameUUIDFromBytes(user.username().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                user.username(), user.roles(), user.markets(), user.allMarkets());
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        try {
            return work.get();
        } finally {
            context.setAuthentication(previous);
        }
    }

    /** The subscriber as a principal, for reads only (never for changes). */
    private record Subscriber(UUID userId, String username, java.util.Set<Role> roles, java.util.Set<String> markets,
                              boolean allMarkets) implements PaydeskPrincipal {
    }
}
