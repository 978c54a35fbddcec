package dev.paydesk.disputes.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.disputes.Disputes;
import dev.paydesk.payments.DisputeNotified;
import dev.paydesk.payments.OrderTimeline;
import dev.paydesk.payments.PaymentQueries;
import dev.paydesk.payments.Provider;
import dev.paydesk.payments.TransactionKind;

/**
 * Demo disputes on the demo payments (only with {@code paydesk.demo.enabled}): for each of Stripe, Adyen,
 * PayPal and Klarna, disputes in every stage and status, fed through the same lifecycle as real
 * notifications, plus a closed history that the recommendation learns from and monthly capture counts
 * for ratio monitoring. Seeded once.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "paydesk.demo.enabled", havingValue = "true")
class DemoDisputesData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDisputesData.class);
    private static final String[] MARKETS = {"DE", "FR", "NL", "IT", "ES", "PL", "SE"};

    /** A scenario: the provider's notifications in order, each as event code, status and days before today. */
    private record Step(String code, @Nullable String status, int daysAgo, int dueInDays) {
    }

    private final DisputeLifecycle lifecycle;
    private final Disputes disputes;
    private final PaymentQueries payments;
    private final MonitoringService monitoring;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final DisputeProperties properties;

    DemoDisputesData(DisputeLifecycle lifecycle, Disputes disputes, PaymentQueries payments, MonitoringService monitoring,
                     JdbcClient jdbc, Clock clock, DisputeProperties properties) {
        this.properties = properties;
        this.lifecycle = lifecycle;
        this.disputes = disputes;
        this.payments = payments;
        this.monitoring = monitoring;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long existing = jdbc.sql("select count(*) from disputes_dispute where merchant_account like '%-demo'")
                .query(Long.class).single();
        if (existing > 0) {
            return;
        }
        Map<Provider, List<OrderTimeline>> orders = demoOrders();
        Random random = new Random(20261129);
        int created = 0;
        for (Provider provider : List.of(Provider.STRIPE, Provider.ADYEN, Provider.PAYPAL, Provider.KLARNA)) {
            List<OrderTimeline> pool = orders.getOrDefault(provider, List.of());
            int i = 0;
            for (List<Step> scenario : scenarios(provider)) {
                if (i >= pool.size()) {
                    break;
                }
                feed(provider, pool.get(i++), scenario, random);
                created++;
            }
            for (int h = 0; h < 12 && i < pool.size(); h++, i++) {
                boolean won = random.nextDouble() < (provider == Provider.PAYPAL ? 0.55 : 0.4);
                feed(provider, pool.get(i), List.of(new Step(opening(provider), null, 40 + h, 20),
                        new Step(closing(provider, won), closingStatus(provider, won), 25 + h, 0)), random);
                created++;
            }
        }
        seedVolumes();
        log.info("Demo disputes: {} across Stripe, Adyen, PayPal and Klarna", created);
    }

    /** Demo orders with a capture, per provider, from the payments mirror's query API, markets interleaved. */
    private Map<Provider, List<OrderTimeline>> demoOrders() {
        Map<Provider, List<List<OrderTimeline>>> perMarket = new EnumMap<>(Provider.class);
        int n = 0;
        for (int m = 0; m < MARKETS.length; m++) {
            int count = MARKETS[m].equals("DE") ? 1200 : 500;
            for (int i = 0; i < Math.min(count, 120); i++) {
                Optional<OrderTimeline> t = payments.timeline("DEMO-" + MARKETS[m] + "-" + (100001 + n + i));
                int market = m;
                t.flatMap(tl -> tl.steps().stream().filter(s -> s.kind() == TransactionKind.CAPTURE).findFirst())
                        .ifPresent(capture -> {
                            List<List<OrderTimeline>> lists = perMarket.computeIfAbsent(capture.provider(), p -> {
                                List<List<OrderTimeline>> l = new ArrayList<>();
                                for (int k = 0; k < MARKETS.length; k++) {
                                    l.add(new ArrayList<>());
                                }
                                return l;
                            });
                            lists.get(market).add(t.get());
                        });
            }
            n += count;
        }
        Map<Provider, List<OrderTimeline>> byProvider = new EnumMap<>(Provider.class);
        perMarket.forEach((provider, lists) -> {
            List<OrderTimeline> interleaved = new ArrayList<>();
            while (lists.stream().anyMatch(l -> !l.isEmpty())) {
                for (List<OrderTimeline> l : lists) {
                    if (!l.isEmpty()) {
                        interleaved.add(l.removeFirst());
                    }
                }
            }
            byProvider.put(provider, interleaved);
        });
        return byProvider;
    }

    /**
     * Calendar days that cover the team's respond-by buffer (business days, with a weekend and a holiday to
     * spare), so an open demo dispute's respond-by lies {@code dueInDays} ahead on the day the demo starts
     * instead of being overdue already.
     */
    private int bufferInCalendarDays() {
        int buffer = Math.max(0, properties.buffer());
        return buffer == 0 ? 0 : buffer + 2 * (buffer / 5 + 1) + 1;
    }

    private void feed(Provider provider, OrderTimeline order, List<Step> steps, Random random) {
        OrderTimeline.Step capture = order.steps().stream().filter(s -> s.kind() == TransactionKind.CAPTURE)
                .findFirst().orElseThrow();
        String disputeId = switch (provider) {
            case STRIPE -> "dp_demo" + Long.toString(Math.abs(random.nextLong()), 36);
            case ADYEN -> capture.providerReference();
            case PAYPAL -> "PP-D-" + (100000 + random.nextInt(900000));
            default -> "kd-" + Long.toString(Math.abs(random.nextLong()), 36);
        };
        String[] reason = reason(provider, random);
        Instant now = clock.instant();
        for (Step step : steps) {
            if (step.code().equals("ACCEPT")) {
                continue;
            }
            Instant at = now.minus(Duration.ofDays(step.daysAgo())).minus(Duration.ofMinutes(random.nextInt(600)));
            Instant due = step.dueInDays() == 0 ? null
                    : now.plus(Duration.ofDays(step.dueInDays() + bufferInCalendarDays())).plus(Duration.ofHours(5));
            String eventKey = provider.name().toLowerCase() + "-demo-" + disputeId + "-" + step.code() + "-" + step.daysAgo();
            lifecycle.apply(new DisputeNotified(provider, provider.name().toLowerCase() + "-demo", eventKey, disputeId,
                    capture.providerReference(), order.merchantReference(), step.code(), step.status(), reason[0],
                    capture.amount(), due, at, payload(provider, step, reason)));
        }
        if (steps.getLast().code().equals("ACCEPT")) {
            disputes.openDisputeFor(capture.providerReference()).ifPresent(d -> disputes.accept(d.id(), "demo: refund would cost less"));
        }
    }

    private static String[] reason(Provider provider, Random r) {
        String[][] options = switch (provider) {
            case STRIPE -> new String[][] {{"fraudulent", "visa", "10.4"}, {"product_not_received", "mastercard", "4855"},
                    {"subscription_canceled", "mastercard", "4841"}, {"credit_not_processed", "visa", "13.6"}};
            case ADYEN -> new String[][] {{"10.4", "visa"}, {"4853", "mc"}, {"4837", "mc"}, {"13.1", "visa"}, {"12.6.1", "visa"}};
            case PAYPAL -> new String[][] {{"MERCHANDISE_OR_SERVICE_NOT_RECEIVED"}, {"UNAUTHORISED"},
                    {"MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED"}, {"DUPLICATE_TRANSACTION"}};
            default -> new String[][] {{"GOODS_NOT_RECEIVED"}, {"FAULTY_GOODS"}, {"RETURN"}, {"UNAUTHORIZED_PURCHASE"}};
        };
        return options[r.nextInt(options.length)];
    }

    private static String payload(Provider provider, Step step, String[] reason) {
        return switch (provider) {
            case STRIPE -> "{\"data\": {\"object\": {\"status\": \"%s\", \"payment_method_details\": {\"card\": {\"brand\": \"%s\", \"network_reason_code\": \"%s\"}}}}}"
                    .formatted(step.status(), reason[1], reason[2]);
            case ADYEN -> "{\"additionalData\": {\"chargebackSchemeCode\": \"%s\"}, \"eventCode\": \"%s\"}".formatted(reason[1], step.code());
            case PAYPAL -> "{\"resource\": {\"dispute_channel\": \"INTERNAL\", \"reason\": \"%s\"}}".formatted(reason[0]);
            default -> "{\"payload\": {\"reason\": \"%s\"%s}}".formatted(reason[0],
                    step.status() == null ? "" : ", \"outcome\": \"" + step.status().toUpperCase() + "\"");
        };
    }

    private static String opening(Provider p) {
        return switch (p) {
            case STRIPE -> "charge.dispute.created";
            case ADYEN -> "CHARGEBACK";
            case PAYPAL -> "CHARGEBACK";
            default -> "payment.dispute.state-change.initiated";
        };
    }

    private static String closing(Provider p, boolean won) {
        return switch (p) {
            case STRIPE -> "charge.dispute.closed";
            case ADYEN -> won ? "CHARGEBACK_REVERSED" : "PREARBITRATION_LOST";
            case PAYPAL -> "CHARGEBACK";
            default -> "payment.dispute.state-change.closed";
        };
    }

    private static String closingStatus(Provider p, boolean won) {
        if (p == Provider.PAYPAL) {
            return won ? "RESOLVED/RESOLVED_SELLER_FAVOUR" : "RESOLVED/RESOLVED_BUYER_FAVOUR";
        }
        return won ? "won" : "lost";
    }

    /** Every stage and status the provider has, as notification sequences. */
    private static List<List<Step>> scenarios(Provider p) {
        return switch (p) {
            case STRIPE -> List.of(
                    List.of(new Step("charge.dispute.created", "warning_needs_response", 2, 1)),
                    List.of(new Step("charge.dispute.created", "needs_response", 6, 4), new Step("charge.dispute.funds_withdrawn", "needs_response", 6, 4)),
                    List.of(new Step("charge.dispute.created", "needs_response", 3, 12)),
                    List.of(new Step("charge.dispute.created", "needs_response", 14, 5), new Step("charge.dispute.updated", "under_review", 5, 5)),
                    List.of(new Step("charge.dispute.created", "needs_response", 30, 0), new Step("charge.dispute.closed", "won", 8, 0), new Step("charge.dispute.funds_reinstated", "won", 8, 0)),
                    List.of(new Step("charge.dispute.created", "needs_response", 35, 0), new Step("charge.dispute.closed", "lost", 9, 0)),
                    List.of(new Step("charge.dispute.created", "warning_needs_response", 20, 0), new Step("charge.dispute.closed", "warning_closed", 10, 0)),
                    List.of(new Step("charge.dispute.created", "needs_response", 4, 9), new Step("ACCEPT", null, 1, 0)));
            case ADYEN -> List.of(
                    List.of(new Step("REQUEST_FOR_INFORMATION", "Undefended", 3, 2)),
                    List.of(new Step("NOTIFICATION_OF_FRAUD", null, 2, 0)),
                    List.of(new Step("NOTIFICATION_OF_CHARGEBACK", "Undefended", 5, 6), new Step("CHARGEBACK", "Undefended", 4, 6)),
                    List.of(new Step("CHARGEBACK", "Undefended", 12, 3), new Step("INFORMATION_SUPPLIED", "Pending", 4, 0)),
                    List.of(new Step("CHARGEBACK", "Undefended", 25, 0), new Step("CHARGEBACK_REVERSED", "Won", 6, 0)),
                    List.of(new Step("CHARGEBACK", "Undefended", 40, 0), new Step("CHARGEBACK_REVERSED", "Won", 20, 0), new Step("SECOND_CHARGEBACK", "Undefended", 3, 8)),
                    List.of(new Step("CHARGEBACK", "Undefended", 50, 0), new Step("SECOND_CHARGEBACK", "Undefended", 20, 0), new Step("PREARBITRATION_LOST", "Lost", 5, 0)),
                    List.of(new Step("CHARGEBACK", "Undefended", 30, 1), new Step("DISPUTE_DEFENSE_PERIOD_ENDED", null, 2, 0)),
                    List.of(new Step("CHARGEBACK", "Undefended", 3, 10), new Step("ACCEPT", null, 1, 0)));
            case PAYPAL -> List.of(
                    List.of(new Step("INQUIRY", "WAITING_FOR_SELLER_RESPONSE", 2, 3)),
                    List.of(new Step("INQUIRY", "WAITING_FOR_SELLER_RESPONSE", 9, 0), new Step("CHARGEBACK", "WAITING_FOR_SELLER_RESPONSE", 3, 7)),
                    List.of(new Step("CHARGEBACK", "UNDER_REVIEW", 8, 6)),
                    List.of(new Step("CHARGEBACK", "WAITING_FOR_SELLER_RESPONSE", 30, 0), new Step("PRE_ARBITRATION", "WAITING_FOR_SELLER_RESPONSE", 4, 6)),
                    List.of(new Step("CHARGEBACK", "UNDER_REVIEW", 40, 0), new Step("ARBITRATION", "UNDER_REVIEW", 5, 9)),
                    List.of(new Step("INQUIRY", "WAITING_FOR_SELLER_RESPONSE", 20, 0), new Step("INQUIRY", "RESOLVED/CANCELED_BY_BUYER", 12, 0)),
                    List.of(new Step("CHARGEBACK", "UNDER_REVIEW", 30, 0), new Step("CHARGEBACK", "RESOLVED/RESOLVED_SELLER_FAVOUR", 6, 0)),
                    List.of(new Step("CHARGEBACK", "UNDER_REVIEW", 32, 0), new Step("CHARGEBACK", "RESOLVED/RESOLVED_BUYER_FAVOUR", 7, 0)));
            default -> List.of(
                    List.of(new Step("payment.dispute.state-change.initiated", "INITIATED", 2, 5)),
                    List.of(new Step("payment.dispute.state-change.initiated", "INITIATED", 10, 0), new Step("payment.dispute.state-change.representment", "REPRESENTMENT", 4, 0)),
                    List.of(new Step("payment.dispute.state-change.initiated", "INITIATED", 30, 0), new Step("payment.dispute.state-change.pre-arbitration", "PRE_ARBITRATION", 3, 7)),
                    List.of(new Step("payment.dispute.state-change.initiated", "INITIATED", 45, 0), new Step("payment.dispute.state-change.arbitration", "ARBITRATION", 6, 0)),
                    List.of(new Step("payment.dispute.state-change.initiated", "INITIATED", 40, 0), new Step("payment.dispute.state-change.closed", "won", 8, 0)),
                    List.of(new Step("payment.dispute.state-change.initiated", "INITIATED", 42, 0), new Step("payment.dispute.state-change.closed", "lost", 9, 0)));
        };
    }

    /** Plausible monthly capture counts per demo account so the ratio page has a denominator. */
    private void seedVolumes() {
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        for (Provider p : List.of(Provider.STRIPE, Provider.ADYEN, Provider.PAYPAL, Provider.KLARNA)) {
            for (int m = 0; m < 3; m++) {
                monitoring.countCapture(p.name().toLowerCase() + "-demo", now.minusMonths(m), 1200 + 300L * p.ordinal());
            }
        }
    }
}
