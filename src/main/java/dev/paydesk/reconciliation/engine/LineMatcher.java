package dev.paydesk.reconciliation.engine;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.paydesk.reconciliation.FindingType;

/** Finds, for one settlement line, what it settles, trying the keys in their fixed order. */
final class LineMatcher {

    private static final long DAY = 86_400;

    private final Map<String, OrderFile> orders;
    private final Map<String, Movement> byRef;
    private final Map<String, Movement> byOriginal;
    private final Thresholds thresholds;

    LineMatcher(Map<String, OrderFile> orders, Map<String, Movement> byRef, Map<String, Movement> byOriginal,
                Thresholds thresholds) {
        this.orders = orders;
        this.byRef = byRef;
        this.byOriginal = byOriginal;
        this.thresholds = thresholds;
    }

    @Nullable Match match(SettlementLine line, List<Anomaly> anomalies) {
        // 1. provider reference
        String key = line.modRef;
        Movement m = key == null ? null : sameRef(byRef.get(key), line);
        if (m == null && line.pspRef != null) {
            key = line.pspRef;
            m = sameRef(byRef.get(key), line);
        }
        if (m != null) {
            return settle(line, m, MatchRule.PROVIDER_REFERENCE, key, anomalies);
        }
        // 2. modification / original reference
        if (line.pspRef != null) {
            m = sameOriginal(byOriginal.get(line.pspRef), line);
            if (m != null) {
                return settle(line, m, MatchRule.ORIGINAL_REFERENCE, line.pspRef, anomalies);
            }
        }
        // 3. merchant reference
        OrderFile order = line.merchantRef == null ? null : orders.get(line.merchantRef);
        if (order != null) {
            return inOrder(line, order, MatchRule.MERCHANT_REFERENCE, line.merchantRef, anomalies);
        }
        // 4. bank remittance reference: an order reference inside the free text
        for (String text : new String[] {line.merchantRef, line.modRef}) {
            String token = text == null ? null : orderIn(text);
            if (token != null) {
                return inOrder(line, orders.get(token), MatchRule.REMITTANCE_REFERENCE, token, anomalies);
            }
        }
        // the line names a movement of another kind (a refund line quoting the capture): book it to that order
        Movement any = line.pspRef == null ? null : byRef.get(line.pspRef);
        if (any == null && line.modRef != null) {
            any = byRef.get(line.modRef);
        }
        if (any != null && any.orderRef != null) {
            return book(line, orders.get(any.orderRef), MatchRule.PROVIDER_REFERENCE, any.ref);
        }
        return null;
    }

    private @Nullable Movement sameRef(@Nullable Movement chain, SettlementLine line) {
        Movement fallback = null;
        for (Movement m = chain; m != null; m = m.nextWithSameRef) {
            if (line.kind.settles(m.kind)) {
                if (m.linesMatched == 0) {
                    return m;
                }
                fallback = fallback == null ? m : fallback;
            }
        }
        return fallback;
    }

    private @Nullable Movement sameOriginal(@Nullable Movement chain, SettlementLine line) {
        Tolerance tolerance = thresholds.tolerance(line.provider);
        for (Movement m = chain; m != null; m = m.nextWithSameOriginal) {
            if (line.kind.settles(m.kind) && m.linesMatched == 0 && amountFits(tolerance, m, line)) {
                return m;
            }
        }
        return null;
    }

    private Match inOrder(SettlementLine line, OrderFile order, MatchRule rule, String key, List<Anomaly> anomalies) {
        Tolerance tolerance = thresholds.tolerance(line.provider);
        for (Movement m : order.movements()) {
            if (line.kind.settles(m.kind) && m.linesMatched == 0 && amountFits(tolerance, m, line)
                    && line.at - m.at <= tolerance.bookingDriftDays() * DAY && m.at - line.at <= DAY) {
                return settle(line, m, rule, key, anomalies);
            }
        }
        return book(line, order, rule, key);
    }

    private static boolean amountFits(Tolerance tolerance, Movement m, SettlementLine line) {
        return line.gross != 0 || line.fees != 0 ? tolerance.accepts(m.amount, line.amount())
                : tolerance.acceptsNet(m.amount, Math.abs(line.net));
    }

    private static Match book(SettlementLine line, OrderFile order, MatchRule rule, String key) {
        order.add(line);
        Match match = new Match(rule, key, line.id, null, order.ref, 0, true);
        line.match = match;
        return match;
    }

    private Match settle(SettlementLine line, Movement m, MatchRule rule, String key, List<Anomaly> anomalies) {
        m.linesMatched++;
        boolean currencyOk = line.currency == null || line.currency.equals(m.currency);
        if (currencyOk) {
            m.settledMinor += line.amount();
            m.netOnly |= line.gross == 0 && line.fees == 0;
        } else {
            anomalies.add(new Anomaly(FindingType.CURRENCY_MISMATCH, "CURRENCY_MISMATCH:line:" + line.id,
                    m.orderRef != null ? "order:" + m.orderRef : "line:" + line.id, null, line.provider, m.orderRef,
                    m.ref, m.customer, m.method, line.amount(), line.currency,
                    "Line " + line.reference() + " settled " + DetectionContext.format(line.amount(), line.currency)
                            + " for " + m.kind + " " + m.ref + " in " + m.currency,
                    List.of("movement:" + m.ref, "line:" + line.id)));
        }
        Tolerance tolerance = thresholds.tolerance(line.provider);
        long difference = line.amount() - m.amount;
        Match match = new Match(rule, key, line.id, m.ref, m.orderRef, difference,
                currencyOk && (amountFits(tolerance, m, line) || line.amount() < m.amount));
        line.match = match;
        return match;
    }

    /** After every line: each settled movement against the sum of its lines (one-to-many: partial settlements). */
    void checkSettledAmounts(List<Movement> movements, List<Anomaly> anomalies) {
        for (Movement m : movements) {
            if (m.linesMatched == 0 || m.settledMinor == 0 || m.kind == EntryKind.DISPUTE) {
                continue;
            }
            Tolerance tolerance = thresholds.tolerance(m.provider);
            boolean fits = m.netOnly ? tolerance.acceptsNet(m.amount, m.settledMinor)
                    : tolerance.accepts(m.amount, m.settledMinor);
            if (!fits) {
                long difference = m.settledMinor - m.amount;
                anomalies.add(new Anomaly(FindingType.AMOUNT_MISMATCH, "AMOUNT_MISMATCH:movement:" + m.provider + ":"
                        + m.ref, m.orderRef != null ? "order:" + m.orderRef : "movement:" + m.ref, null, m.provider,
                        m.orderRef, m.ref, m.customer, m.method, Math.abs(difference), m.currency,
                        m.kind + " " + m.ref + " of " + DetectionContext.format(m.amount, m.currency) + " settled as "
                                + DetectionContext.format(m.settledMinor, m.currency) + " (difference "
                                + DetectionContext.format(difference, m.currency) + ")",
                        List.of("movement:" + m.ref)));
            }
        }
    }

    /** The first word of free text that is a known order reference. */
    private @Nullable String orderIn(String text) {
        int n = text.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            boolean word = Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '/';
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                String token = text.substring(start, i);
                if (orders.containsKey(token)) {
                    return token;
                }
                start = -1;
            }
        }
        return null;
    }
}
