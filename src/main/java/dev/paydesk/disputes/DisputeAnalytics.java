package dev.paydesk.disputes;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.Money;

/** Win rate and money recovered or lost, grouped by reason category, provider, network or market. */
public interface DisputeAnalytics {

    enum Dimension { REASON, PROVIDER, NETWORK, MARKET }

    /** @param markets null for every market */
    default List<Row> outcomes(Dimension dimension, @Nullable List<String> markets) {
        return outcomes(dimension, markets, null, null);
    }

    /**
     * Outcomes of disputes opened within {@code [from, to)} (either end open when null).
     *
     * @param markets null for every market
     */
    List<Row> outcomes(Dimension dimension, @Nullable List<String> markets, java.time.@Nullable Instant from,
                       java.time.@Nullable Instant to);

    /**
     * One group in one currency. {@code winRate} = won / (won + lost + expired); accepted losses are the
     * merchant's choice and cancelled disputes never reached a decision, so neither counts.
     */
    record Row(String key, String currency, long total, long open, long won, long lost, long accepted, long expired,
               double winRate, Money recovered, Money lostAmount) {
    }
}
