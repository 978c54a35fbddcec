package dev.paydesk.reconciliation.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.paydesk.reconciliation.FindingType;

/**
 * The benchmark's input: a merchant file (one row per order with the capture the merchant booked,
 * and refund requests) and a settlement file (Adyen-style capture, refund, dispute and chargeback
 * lines, PayPal and Klarna lines, bank credits with free remittance text). Every 1,000th order
 * carries one injected anomaly, cycling through all of them; the expected findings are kept as
 * {@code TYPE|scope}.
 */
final class BenchData {

    static final String MERCHANT_HEADER = "record_type,merchant_reference,refund_reference,market,customer_reference,"
            + "amount_minor,captured_minor,currency,method,provider,psp_reference,at";
    static final String SETTLEMENT_HEADER = "line_id,provider,batch,psp_reference,merchant_reference,modification_reference,"
            + "method,record_type,booked_at,currency,gross_minor,net_minor,fee_minor";
    static final long T0 = 1_788_220_800L; // 2026-09-01T00:00:00Z
    static final long DAY = 86_400;
    private static final String[] MARKETS = {"DE", "FR", "NL", "ES", "IT"};
    private static final int VARIANTS = 13;

    /** What was generated. */
    record Generated(Set<String> expected, long now, int merchantRecords, int settlementLines, int orders,
                     Map<String, String> injectedLineByReference) {

        /**
         * A finding as {@code TYPE|scope}, with the scope of a line finding read by the line's reference (the
         * database names lines by their content key, the files by their position).
         */
        String scored(String type, String scope, @Nullable String reference) {
            if (!scope.startsWith("line:") || reference == null) {
                return type + "|" + scope;
            }
            return type + "|" + injectedLineByReference.getOrDefault(reference, "line-ref:" + reference);
        }
    }

    private final BufferedWriter merchant;
    private final BufferedWriter settlement;
    private final Set<String> expected = new HashSet<>();
    private final Map<String, String> injectedLines = new HashMap<>();
    private int merchantRecords;
    private int lines;

    private BenchData(BufferedWriter merchant, BufferedWriter settlement) {
        this.merchant = merchant;
        this.settlement = settlement;
    }

    /** About {@code rows} merchant records and {@code rows} settlement lines. */
    static Generated generate(Path merchantFile, Path settlementFile, int rows) throws IOException {
        int orders = Math.max(VARIANTS * 1000, rows * 9 / 10);
        try (BufferedWriter m = Files.newBufferedWriter(merchantFile, java.nio.charset.StandardCharsets.ISO_8859_1);
             BufferedWriter s = Files.newBufferedWriter(settlementFile, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            m.write(MERCHANT_HEADER);
            m.write('\n');
            s.write(SETTLEMENT_HEADER);
            s.write('\n');
            BenchData data = new BenchData(m, s);
            for (int i = 0; i < orders; i++) {
                data.order(i);
            }
            return new Generated(data.expected, T0 + orders * 2L + 40 * DAY, data.merchantRecords, data.lines, orders,
                    data.injectedLines);
        }
    }

    private void order(int i) throws IOException {
        String ref = "ORD-" + (10_000_000 + i);
        long t = T0 + i * 2L;
        long due = 1_000 + (i * 7_919L) % 90_000;
        int variant = i % 1000 == 500 ? (i / 1000) % VARIANTS : -1;
        boolean bank = variant == 4 || variant == 5 || (variant < 0 && i % 20 == 0);
        String provider = bank ? "BANK" : variant >= 0 ? "ADYEN" : switch (i % 20) {
            case 1, 2 -> "PAYPAL";
            case 3, 4 -> "KLARNA";
            default -> "ADYEN";
        };
        String method = switch (provider) {
            case "BANK" -> "bank_transfer";
            case "PAYPAL" -> "paypal";
            case "KLARNA" -> "klarna";
            default -> "card";
        };
        String market = MARKETS[i % MARKETS.length];
        String customer = "C" + (i % 300_000);
        String capture = bank ? "" : "CAP-" + i;
        String psp = "PSP-" + i;
        String batch = provider + "-" + (i / 5_000);
        long captured = variant == 6 ? due + 300 : due;
        merchantRow("ORDER", ref, "", market, customer, due, bank ? 0 : captured, "EUR", method, provider, capture, t);
        if (bank) {
            long paid = variant == 4 ? due + 500 : variant == 5 ? due - 700 : due;
            line("BANK", batch, "BT-" + i, "Payment " + ref + " thank you", "", method, "BankCredit", t + DAY, "EUR", paid, 0);
            expect(variant == 4 ? FindingType.BANK_TRANSFER_ABOVE_DUE : variant == 5 ? FindingType.UNDERPAYMENT : null, ref);
            return;
        }
        // a duplicate follows its original within the default one-day duplicate-capture window
        long settledAt = variant == 2 ? t + DAY / 2 : t + DAY;
        if (variant != 7) {
            long gross = variant == 9 ? due - 1_234 : captured;
            String currency = variant == 10 ? "SEK" : "EUR";
            boolean pspOnly = variant < 0 && i % 50 == 7;
            boolean noRefs = variant < 0 && i % 50 == 9;
            line(provider, batch, noRefs ? "" : pspOnly ? capture : psp, ref, noRefs || pspOnly ? "" : capture, method,
                    "Settled", settledAt, currency, gross, gross / 100);
        }
        switch (variant) {
            case 0 -> {
                merchantRow("REFUND_REQUEST", ref, "RR-" + i, market, customer, due / 2, 0, "EUR", method, provider, "", t + 2 * DAY);
                line(provider, batch, psp, ref, "REF-" + i, method, "Refunded", t + 3 * DAY, "EUR", -(due / 2), 0);
                line(provider, batch, psp, ref, "REF-" + i, method, "RefundedReversed", t + 5 * DAY, "EUR", due / 2, 0);
                expect(FindingType.FAILED_REFUND, ref);
            }
            case 1 -> {
                merchantRow("REFUND_REQUEST", ref, "RR-" + i, market, customer, due, 0, "EUR", method, provider, "", t + 2 * DAY);
                expect(FindingType.FAILED_REFUND, ref);
            }
            case 2 -> {
                line(provider, batch, psp, ref, capture + "-D", method, "Settled", settledAt + 300, "EUR", captured,
                        captured / 100);
                expect(FindingType.DUPLICATE_CAPTURE, ref);
            }
            case 3 -> {
                line("BANK", "BANK-" + (i / 5_000), "BT-" + i, "Transfer for " + ref, "", "bank_transfer", "BankCredit",
                        t + 2 * DAY, "EUR", due, 0);
                expect(FindingType.PAID_TWICE, ref);
            }
            case 6 -> expect(FindingType.CAPTURED_MORE_THAN_DUE, ref);
            case 7 -> expect(FindingType.MISSING_SETTLEMENT, ref);
            case 8 -> {
                line(provider, batch, "UNK-" + i, "ZZZ-" + i, "UNKM-" + i, method, "Settled", t + DAY, "EUR", 4_321, 43);
                expected.add(FindingType.UNMATCHED_SETTLEMENT + "|line:L" + lines);
                injectedLines.put("UNKM-" + i, "line:L" + lines);
            }
            case 9 -> expect(FindingType.AMOUNT_MISMATCH, ref);
            case 10 -> expect(FindingType.CURRENCY_MISMATCH, ref);
            case 11 -> {
                line(provider, batch, psp, ref, "REF-" + i, method, "Refunded", t + 2 * DAY, "EUR", -due, 0);
                line(provider, batch, psp, ref, "NOC-" + i, method, "NotificationOfChargeback", t + 5 * DAY, "EUR", 0, 0);
                line(provider, batch, psp, ref, "CB-" + i, method, "Chargeback", t + 6 * DAY, "EUR", -due, 0);
                expect(FindingType.DOUBLE_LOSS, ref);
            }
            case 12 -> {
                line(provider, batch, psp, ref, "NOC-" + i, method, "NotificationOfChargeback", t + 2 * DAY, "EUR", 0, 0);
                line(provider, batch, psp, ref, "REF-" + i, method, "Refunded", t + 3 * DAY, "EUR", -due, 0);
                expect(FindingType.REFUND_DURING_DISPUTE, ref);
            }
            default -> {
                if (i % 9 == 4) {
                    merchantRow("REFUND_REQUEST", ref, "RR-" + i, market, customer, due / 2, 0, "EUR", method, provider, "",
                            t + 2 * DAY);
                    line(provider, batch, psp, ref, "REF-" + i, method, "Refunded", t + 3 * DAY, "EUR", -(due / 2), 0);
                }
            }
        }
    }

    private void expect(FindingType type, String order) {
        if (type != null) {
            expected.add(type + "|order:" + order);
        }
    }

    private void merchantRow(String type, String ref, String refund, String market, String customer, long amount,
                             long captured, String currency, String method, String provider, String psp, long at)
            throws IOException {
        merchantRecords++;
        merchant.write(type + ',' + ref + ',' + refund + ',' + market + ',' + customer + ',' + amount + ',' + captured + ','
                + currency + ',' + method + ',' + provider + ',' + psp + ',' + at + '\n');
    }

    private void line(String provider, String batch, String psp, String merchantRef, String mod, String method, String type,
                      long at, String currency, long gross, long fee) throws IOException {
        lines++;
        long net = gross - fee;
        settlement.write("L" + lines + ',' + provider + ',' + batch + ',' + psp + ',' + merchantRef + ',' + mod + ',' + method
                + ',' + type + ',' + at + ',' + currency + ',' + gross + ',' + net + ',' + fee + '\n');
    }
}
