package dev.paydesk.workforce.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.shared.Money;
import dev.paydesk.workforce.Channel;
import dev.paydesk.workforce.ContactData;
import dev.paydesk.workforce.ContactQueue;
import dev.paydesk.workforce.Downtime;
import dev.paydesk.workforce.IntervalStat;
import dev.paydesk.workforce.Supplier;
import dev.paydesk.workforce.staffing.IntervalLoad;
import dev.paydesk.workforce.staffing.QueueMetrics;
import dev.paydesk.workforce.staffing.QueueModel;
import dev.paydesk.workforce.staffing.ServiceTarget;
import dev.paydesk.workforce.staffing.Staffing;

/**
 * Demo contact history: four queues, three suppliers, six weeks of 30-minute intervals up to now with
 * weekly and intraday seasonality, Poisson-like noise and service figures from Erlang A at the staffed
 * agents. Re-running tops up the missing intervals (rows are upserted, values are seeded per day).
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "paydesk.demo.enabled", havingValue = "true")
class DemoWorkforceData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkforceData.class);
    private static final int DAYS = 42;

    private record DemoQueue(ContactQueue queue, double dailyVolume) {
    }

    private static final List<DemoQueue> QUEUES = List.of(
            new DemoQueue(new ContactQueue("de-payments-phone", "Payments DE (phone)", Channel.PHONE, "payments", "DE",
                    "de", 30, 330, 150, 0.8, 20), 1400),
            new DemoQueue(new ContactQueue("fr-payments-phone", "Payments FR (phone)", Channel.PHONE, "payments", "FR",
                    "fr", 30, 360, 120, 0.8, 20), 900),
            new DemoQueue(new ContactQueue("nl-refunds-chat", "Refunds NL (chat)", Channel.CHAT, "refunds", "NL", "nl",
                    30, 480, 240, 0.85, 60), 500),
            new DemoQueue(new ContactQueue("de-disputes-phone", "Disputes DE (phone)", Channel.PHONE, "disputes", "DE",
                    "de", 30, 540, 180, 0.7, 30), 300));

    private static final List<Supplier> SUPPLIERS = List.of(
            new Supplier("clearline", "Clearline Contact (Berlin)", List.of("payments", "disputes", "refunds"),
                    Money.of(3450, "EUR"), 93, 0.82, 2, 60),
            new Supplier("atlas-bpo", "Atlas BPO (Warsaw)", List.of("payments", "refunds"), Money.of(2600, "EUR"), 87,
                    0.74, 0, 80),
            new Supplier("northdesk", "Northdesk (Lisbon)", List.of("payments", "refunds", "disputes"),
                    Money.of(2150, "EUR"), 79, 0.66, 0, 80));

    private static final double[] SHARES = {0.4, 0.35, 0.25};

    private final ContactData data;
    private final MarketCatalog markets;
    private final Clock clock;

    DemoWorkforceData(ContactData data, MarketCatalog markets, Clock clock) {
        this.data = data;
        this.markets = markets;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "system", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            seed();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private void seed() {
        boolean fresh = data.suppliers().isEmpty();
        for (Supplier s : SUPPLIERS) {
            if (data.suppliers().stream().noneMatch(x -> x.code().equals(s.code()))) {
                data.createSupplier(s);
            }
        }
        int rows = 0;
        for (DemoQueue q : QUEUES) {
            if (markets.market(q.queue().market()).isEmpty()) {
                continue;
            }
            if (data.allQueues().stream().noneMatch(x -> x.code().equals(q.queue().code()))) {
                data.createQueue(q.queue());
            }
            rows += data.record(history(q, markets.market(q.queue().market()).orElseThrow().zone()));
        }
        if (fresh) {
            Instant start = LocalDate.now(clock).plusDays(1).atTime(10, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant();
            data.planDowntime(new Downtime(UUID.randomUUID(), "de-payments-phone", "PSP card outage (planned failover)",
                    start, start.plusSeconds(7200), 0.35, 0.15));
        }
        log.info("Workforce demo data: {} interval rows upserted", rows);
    }

    private List<IntervalStat> history(DemoQueue q, ZoneId zone) {
        List<IntervalStat> stats = new ArrayList<>();
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        for (LocalDate day = today.minusDays(DAYS); !day.isAfter(today); day = day.plusDays(1)) {
            Random random = new Random((q.queue().code() + day).hashCode());
            double level = q.dailyVolume() * weekday(day) * (1 + 0.08 * random.nextGaussian());
            for (int slot = 14; slot < 42; slot++) {
                ZonedDateTime start = day.atStartOfDay(zone).plusMinutes(30L * slot);
                if (start.plusMinutes(30).toInstant().isAfter(now)) {
                    break;
                }
                for (int s = 0; s < SUPPLIERS.size(); s++) {
                    if (!SUPPLIERS.get(s).hasSkill(q.queue().skill())) {
                        continue;
                    }
                    double mean = level * profile(slot) * SHARES[s];
                    int offered = (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
                    stats.add(outcome(q.queue(), SUPPLIERS.get(s).code(), start.toInstant(), offered, mean, random));
                }
            }
        }
        return stats;
    }

    private static IntervalStat outcome(ContactQueue q, String supplier, Instant start, int offered, double planned,
            Random random) {
        IntervalLoad load = new IntervalLoad(Math.max(planned, 0.1), 1800, q.ahtSeconds(), q.patienceSeconds());
        int agents = Staffing.required(QueueModel.ERLANG_A, load, ServiceTarget.of(q.slTarget(), q.slSeconds()))
                .onPhone() + (int) Math.round(1.2 * random.nextGaussian());
        agents = Math.max(1, agents);
        QueueMetrics m = Staffing.evaluate(QueueModel.ERLANG_A, load.withContacts(Math.max(offered, 0.1)), agents,
                q.slSeconds());
        int abandoned = (int) Math.round(offered * m.probAbandon());
        int answered = offered - abandoned;
        int within = Math.min(answered, (int) Math.round(offered * m.serviceLevel()));
        long handle = Math.round(answered * q.ahtSeconds() * (1 + 0.05 * random.nextGaussian()));
        long wait = Math.round(answered * Math.min(m.asaSeconds(), 600));
        return new IntervalStat(q.code(), supplier, start, offered, answered, abandoned, within, Math.max(0, handle),
                Math.max(0, wait), (double) agents);
    }

    private static double weekday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case MONDAY -> 1.25;
            case TUESDAY -> 1.1;
            case WEDNESDAY, THURSDAY -> 1.0;
            case FRIDAY -> 0.95;
            case SATURDAY -> 0.45;
            case SUNDAY -> 0.3;
        } * (day.getDayOfMonth() <= 3 ? 1.15 : 1.0);
    }

    /** Share of the day's contacts in half hour {@code slot} (07:00–21:00): morning peak, smaller afternoon peak. */
    private static double profile(int slot) {
        double sum = 0;
        for (int s = 14; s < 42; s++) {
            sum += shape(s);
        }
        return shape(slot) / sum;
    }

    private static double shape(int slot) {
        return Math.exp(-Math.pow((slot - 21) / 4.0, 2)) + 0.7 * Math.exp(-Math.pow((slot - 30) / 5.0, 2)) + 0.08;
    }
}
