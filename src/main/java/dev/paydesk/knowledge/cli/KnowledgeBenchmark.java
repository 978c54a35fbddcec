package dev.paydesk.knowledge.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import dev.paydesk.knowledge.internal.SearchIndex;
import dev.paydesk.shared.BenchmarkCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/paydesk bench knowledge}: server time of a search (the call the API and UI make) at
 * 10,000 articles in English and German, hybrid against full-text alone, in a throw-away corpus.
 */
@Component
@Command(name = "knowledge", mixinStandardHelpOptions = true,
        description = "Search latency at 10,000 articles: hybrid (full-text + semantic, RRF) against full-text alone.")
class KnowledgeBenchmark implements BenchmarkCommand, Callable<Integer> {

    @Option(names = "--articles", defaultValue = "10000")
    int articles;

    @Option(names = "--queries", defaultValue = "300")
    int queries;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--reuse", description = "Keep the generated corpus in the database and reuse it on the next run "
            + "with the same --articles and --seed (skips loading and embedding; drop it with --drop).")
    boolean reuse;

    @Option(names = "--drop", description = "Drop a corpus kept by --reuse and exit.")
    boolean drop;

    private static final String[] METHODS = {"card", "Klarna", "PayPal", "iDEAL", "SEPA direct debit", "bank transfer", "Apple Pay"};
    private static final String[] PROVIDERS = {"Adyen", "Stripe", "PayPal", "Klarna"};
    private static final String[] MARKETS = {"DE", "NL", "FR", "IT", "ES", "SE", "PL", "AT"};
    private static final String[] TOPICS_EN = {"refund not arrived", "payment charged twice", "card payment declined",
        "chargeback evidence", "withdrawal missing", "pending authorisation", "recall of a transfer", "overpayment returned",
        "dispute deadline", "settlement mismatch", "currency conversion fee", "failed payout"};
    private static final String[] TOPICS_DE = {"Erstattung nicht angekommen", "doppelt abgebucht", "Kartenzahlung abgelehnt",
        "Rückbuchung einer Lastschrift", "Auszahlung fehlt", "Rückruf einer Überweisung", "Überzahlung zurückerstattet"};
    private static final String[] FILLER = {"check", "status", "customer", "provider", "reference", "days", "amount", "order",
        "account", "bank", "statement", "evidence", "deadline", "escalate", "reply", "confirm", "capture", "authorisation"};
    private static final String[] QUERIES = {"refund not arrived klarna", "charged twice card", "chargeback evidence deadline",
        "Erstattung PayPal", "payout failed", "how do I recall a SEPA transfer", "customer card declined at checkout",
        "Rückbuchung Lastschrift", "withdrawal missing Adyen", "conversion fee on statement"};

    private final SearchIndex index;

    KnowledgeBenchmark(SearchIndex index) {
        this.index = index;
    }

    @Override
    public Integer call() {
        Random random = new Random(seed);
        String kept = "bench-kept-" + articles + "-" + seed;
        if (drop) {
            index.dropCorpus(kept);
            return 0;
        }
        String corpus = reuse ? kept : "bench-" + UUID.randomUUID();
        try {
            long loadStart = System.nanoTime();
            if (!reuse || index.count(corpus) != articles) {
                index.dropCorpus(corpus);
                List<SearchIndex.Document> batch = new ArrayList<>();
                for (int i = 0; i < articles; i++) {
                    batch.add(article(i, random));
                    if (batch.size() == 500) {
                        index.put(corpus, batch);
                        batch.clear();
                    }
                }
                index.put(corpus, batch);
            }
            index.analyze();
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            for (int i = 0; i < 20; i++) {
                run(corpus, i, SearchIndex.Mode.HYBRID);
                run(corpus, i, SearchIndex.Mode.FULL_TEXT);
            }
            double[] hybrid = new double[queries];
            double[] fullText = new double[queries];
            for (int i = 0; i < queries; i++) {
                fullText[i] = run(corpus, i, SearchIndex.Mode.FULL_TEXT);
                hybrid[i] = run(corpus, i, SearchIndex.Mode.HYBRID);
            }
            report(loadSeconds, hybrid, fullText);
            return 0;
        } finally {
            if (!reuse) {
                index.dropCorpus(corpus);
            }
        }
    }

    private double run(String corpus, int i, SearchIndex.Mode mode) {
        String q = QUERIES[i % QUERIES.length];
        SearchIndex.Filters filters = i % 3 == 0 ? new SearchIndex.Filters(MARKETS[i % MARKETS.length], null, null, null, null)
                : SearchIndex.Filters.NONE;
        long start = System.nanoTime();
        index.search(corpus, q, filters, List.of(List.of("chargeback", "dispute", "rückbuchung")), 10, i % 2 == 0, mode);
        return (System.nanoTime() - start) / 1e6;
    }

    private static SearchIndex.Document article(int i, Random random) {
        boolean german = random.nextInt(10) < 3;
        String method = METHODS[random.nextInt(METHODS.length)];
        String provider = PROVIDERS[random.nextInt(PROVIDERS.length)];
        String topic = german ? TOPICS_DE[random.nextInt(TOPICS_DE.length)] : TOPICS_EN[random.nextInt(TOPICS_EN.length)];
        StringBuilder body = new StringBuilder(topic).append(' ').append(method).append(' ').append(provider).append(". ");
        for (int w = 0; w < 120; w++) {
            body.append(FILLER[random.nextInt(FILLER.length)]).append(w % 12 == 11 ? ". " : " ");
        }
        return new SearchIndex.Document("bench-" + i, german ? "de" : "en", "INTERNAL", topic + " (" + method + ", " + provider + ")",
                body.toString(), List.of(MARKETS[random.nextInt(MARKETS.length)]),
                List.of(method.toUpperCase(Locale.ROOT)), List.of(provider.toUpperCase(Locale.ROOT)), List.of());
    }

    private void report(double loadSeconds, double[] hybrid, double[] fullText) {
        Arrays.sort(hybrid);
        Arrays.sort(fullText);
        if (json) {
            System.out.printf(Locale.ROOT, "{\"articles\":%d,\"queries\":%d,\"load_s\":%.1f,\"hybrid_p50_ms\":%.2f,"
                            + "\"hybrid_p95_ms\":%.2f,\"hybrid_p99_ms\":%.2f,\"full_text_p50_ms\":%.2f,\"full_text_p95_ms\":%.2f,"
                            + "\"full_text_p99_ms\":%.2f,\"target_p95_ms\":100,\"processors\":%d}%n",
                    articles, queries, loadSeconds, pct(hybrid, 50), pct(hybrid, 95), pct(hybrid, 99), pct(fullText, 50),
                    pct(fullText, 95), pct(fullText, 99), Runtime.getRuntime().availableProcessors());
            return;
        }
        System.out.printf(Locale.ROOT, "%d articles (70 %% English, 30 %% German) loaded and indexed in %.1f s; %d queries each, %d processors%n%n",
                articles, loadSeconds, queries, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-36s %9s %9s %9s%n", "search (server time per query)", "p50 ms", "p95 ms", "p99 ms");
        System.out.printf(Locale.ROOT, "%-36s %9.2f %9.2f %9.2f%n", "full-text alone (baseline)", pct(fullText, 50), pct(fullText, 95), pct(fullText, 99));
        System.out.printf(Locale.ROOT, "%-36s %9.2f %9.2f %9.2f%n", "hybrid (full-text + semantic, RRF)", pct(hybrid, 50), pct(hybrid, 95), pct(hybrid, 99));
        System.out.printf(Locale.ROOT, "%ntarget: p95 <= 100 ms -> %s%n", pct(hybrid, 95) <= 100 ? "met" : "NOT met");
    }

    private static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))];
    }
}
