package dev.paydesk.payments.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.payments.Provider;
import dev.paydesk.payments.TransactionKind;

/**
 * Demo merchant: a few thousand orders over the last six weeks across the demo markets and PSPs,
 * with the usual share of declines, refunds, failed refunds, duplicate captures, chargebacks and
 * bank transfers paid short or twice. Seeded once (skipped when demo orders exist).
 */
@Component
@Order(15)
@ConditionalOnProperty(name = "paydesk.demo.enabled", havingValue = "true")
class DemoPaymentsData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPaymentsData.class);
    private static final String[][] MARKETS = {
            {"DE", "EUR", "STRIPE,ADYEN,PAYPAL,KLARNA"}, {"FR", "EUR", "ADYEN,PAYPAL,STRIPE"},
            {"NL", "EUR", "ADYEN,PAYPAL"}, {"IT", "EUR", "STRIPE,PAYPAL"}, {"ES", "EUR", "ADYEN,PAYPAL"},
            {"PL", "PLN", "ADYEN,PAYPAL,BANK"}, {"SE", "SEK", "KLARNA,ADYEN"}};

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoPaymentsData(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("select count(*) from payments_order where merchant_reference like 'DEMO-%'",
                Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        Random random = new Random(20261122);
        Instant now = clock.instant();
        List<Object[]> orders = new ArrayList<>();
        List<Object[]> txs = new ArrayList<>();
        int n = 0;
        for (String[] market : MARKETS) {
            String[] providers = market[2].split(",");
            int count = market[0].equals("DE") ? 1200 : 500;
            for (int i = 0; i < count; i++) {
                n++;
                String order = "DEMO-" + market[0] + "-" + (100000 + n);
                long due = market[1].equals("EUR") ? 990 + random.nextInt(30000) : (4900 + random.nextInt(120000));
                Provider provider = Provider.valueOf(providers[random.nextInt(providers.length)]);
                Instant at = now.minus(Duration.ofMinutes(random.nextInt(6 * 7 * 24 * 60)));
                String customer = "cust-" + market[0].toLowerCase() + "-" + random.nextInt(4000);
                String method = method(provider, random);
                orders.add(new Object[] {order, market[0], customer, due, market[1], method});
                simulate(random, provider, order, customer, due, market[1], method, at, txs);
            }
        }
        jdbc.batchUpdate("""
                insert into payments_order (merchant_reference, market, customer_reference, amount_due_minor, currency,
                    expected_method, placeholder) values (?, ?, ?, ?, ?, ?, false) on conflict do nothing""", orders);
        jdbc.batchUpdate("""
                insert into payments_transaction (id, provider, merchant_account, kind, provider_reference, original_reference,
                    merchant_reference, customer_reference, status, amount_minor, currency, method, card_brand, card_last4,
                    occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", txs);
        log.info("Demo payments: {} orders, {} movements", orders.size(), txs.size());
    }

    private static void simulate(Random r, Provider provider, String order, String customer, long due, String currency,
                                 String method, Instant at, List<Object[]> txs) {
        String account = provider.name().toLowerCase() + "-demo";
        String last4 = method.equals("card") ? String.format("%04d", r.nextInt(10000)) : null;
        String brand = last4 == null ? null : (r.nextBoolean() ? "visa" : "mc");
        String auth = ref(provider, r);
        if (provider == Provider.BANK) {
            double roll = r.nextDouble();
            long paid = roll < 0.05 ? due - 500 - r.nextInt(2000) : due;
            add(txs, provider, account, TransactionKind.BANK_CREDIT, ref(provider, r), null, order, customer, "booked", paid,
                    currency, method, null, null, at.plus(Duration.ofHours(20)));
            if (roll > 0.95) {
                add(txs, provider, account, TransactionKind.BANK_CREDIT, ref(provider, r), null, order, customer, "booked",
                        due, currency, method, null, null, at.plus(Duration.ofDays(2)));
            }
            return;
        }
        if (r.nextDouble() < 0.08) {
            add(txs, provider, account, TransactionKind.AUTHORISATION_FAILED, auth, null, order, customer, "refused",
                    due, currency, method, brand, last4, at);
            return;
        }
        add(txs, provider, account, TransactionKind.AUTHORISATION, auth, null, order, customer, "authorised", due,
                currency, method, brand, last4, at);
        String capture = ref(provider, r);
        add(txs, provider, account, TransactionKind.CAPTURE, capture, auth, order, customer, "captured", due, currency,
                method, brand, last4, at.plus(Duration.ofMinutes(30)));
        if (r.nextDouble() < 0.008) {
            add(txs, provider, account, TransactionKind.CAPTURE, ref(provider, r), auth, order, customer, "captured", due,
                    currency, method, brand, last4, at.plus(Duration.ofMinutes(31)));
        }
        double roll = r.nextDouble();
        if (roll < 0.10) {
            String refund = ref(provider, r);
            long amount = r.nextBoolean() ? due : due / 2;
            Instant refundAt = at.plus(Duration.ofDays(1 + r.nextInt(10)));
            add(txs, provider, account, TransactionKind.REFUND, refund, capture, order, customer, "received", amount,
                    currency, method, brand, last4, refundAt);
            if (r.nextDouble() < 0.15) {
                add(txs, provider, account, TransactionKind.REFUND_FAILED, refund, capture, order, customer,
                        "failed: account closed", amount, currency, method, brand, last4, refundAt.plus(Duration.ofDays(2)));
            }
        } else if (roll < 0.106) {
            String dispute = ref(provider, r);
            add(txs, provider, account, TransactionKind.DISPUTE_NOTICE, dispute, capture, order, customer,
                    "needs_response", due, currency, method, brand, last4, at.plus(Duration.ofDays(12)));
            add(txs, provider, account, TransactionKind.CHARGEBACK, dispute + "-cb", capture, order, customer, "lost",
                    due, currency, method, brand, last4, at.plus(Duration.ofDays(14)));
        }
    }

    private static void add(List<Object[]> txs, Provider provider, String account, TransactionKind kind, String ref,
                            String original, String order, String customer, String status, long amount, String currency,
                            String method, String brand, String last4, Instant at) {
        txs.add(new Object[] {UUID.randomUUID(), provider.name(), account, kind.name(), ref, original, order, customer,
                status, amount, currency, method, brand, last4, Timestamp.from(at)});
    }

    private static String method(Provider provider, Random r) {
        return switch (provider) {
            case PAYPAL -> "paypal";
            case KLARNA -> "klarna";
            case BANK -> "bank_transfer";
            default -> r.nextDouble() < 0.8 ? "card" : (r.nextBoolean() ? "ideal" : "sepa_direct_debit");
        };
    }

    private static String ref(Provider provider, Random r) {
        return switch (provider) {
            case STRIPE -> "ch_" + Long.toString(Math.abs(r.nextLong()), 36);
            // 16 digits starting "88" like Adyen's own: never card-shaped, so the demo never writes a number the card boundary would key
            case ADYEN -> "88" + String.format("%014d", Math.abs(r.nextLong() % 100_000_000_000_000L));
            case PAYPAL -> Long.toString(Math.abs(r.nextLong()), 36).toUpperCase();
            case KLARNA -> UUID.nameUUIDFromBytes(Long.toString(r.nextLong()).getBytes()).toString();
            default -> "BT" + Math.abs(r.nextLong() % 10_000_000_000L);
        };
    }
}
