package dev.paydesk.knowledge.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import dev.paydesk.knowledge.internal.SearchEvaluation;
import dev.paydesk.knowledge.internal.SearchIndex;
import dev.paydesk.shared.CliCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/paydesk knowledge eval}: search quality on a folder of articles and a CSV of queries. */
@Component
@Command(name = "knowledge", description = "Knowledge articles: evaluate search.", mixinStandardHelpOptions = true,
        subcommands = KnowledgeCommand.Eval.class)
class KnowledgeCommand implements CliCommand, Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Component
    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Load Markdown articles (file name = article id) into a throw-away corpus, run each query "
                    + "through the search the UI uses and print hit@1, hit@3 and MRR, with full-text alone as the baseline.")
    static class Eval implements Callable<Integer> {

        @Option(names = "--articles", required = true, description = "folder of .md articles (id.md, or id.de.md for German)")
        Path articles;

        @Option(names = "--queries", required = true, description = "CSV query,expected_article_id (a header row is skipped)")
        Path queries;

        @Option(names = "--max-per-article", defaultValue = "0", description = "at most this many queries per expected article (0: all)")
        int maxPerArticle;

        @Option(names = "--holdout", description = "use the held-out half of the queries (every second per article); "
                + "without it the tuning half")
        boolean holdout;

        @Option(names = "--synonyms", split = ";", description = "synonym groups, e.g. 'chargeback,dispute;refund,money back'")
        List<String> synonyms = List.of();

        @Option(names = "--json")
        boolean json;

        private final SearchEvaluation evaluation;

        Eval(SearchEvaluation evaluation) {
            this.evaluation = evaluation;
        }

        @Override
        public Integer call() throws Exception {
            var docs = SearchEvaluation.readArticles(articles);
            var qs = SearchEvaluation.readQueries(queries, maxPerArticle, holdout);
            List<List<String>> groups = synonyms.stream().map(g -> List.of(g.split(","))).toList();
            var hybrid = evaluation.run(docs, qs, groups, SearchIndex.Mode.HYBRID);
            var fullText = evaluation.run(docs, qs, groups, SearchIndex.Mode.FULL_TEXT);
            var semantic = evaluation.run(docs, qs, groups, SearchIndex.Mode.SEMANTIC);
            if (json) {
                System.out.printf(Locale.ROOT, "{\"hit_at_1\":%.4f,\"hit_at_3\":%.4f,\"mrr\":%.4f,\"queries\":%d,"
                                + "\"queries_per_s\":%.1f,\"articles\":%d,\"skipped_queries\":%d,\"full_text_hit_at_1\":%.4f,"
                                + "\"full_text_hit_at_3\":%.4f,\"full_text_mrr\":%.4f,\"full_text_queries_per_s\":%.1f,"
                                + "\"semantic_hit_at_3\":%.4f}%n",
                        hybrid.hitAt1(), hybrid.hitAt3(), hybrid.mrr(), hybrid.queries(), hybrid.queriesPerSecond(),
                        hybrid.articles(), hybrid.skipped(), fullText.hitAt1(), fullText.hitAt3(), fullText.mrr(),
                        fullText.queriesPerSecond(), semantic.hitAt3());
                return 0;
            }
            System.out.printf(Locale.ROOT, "%d articles, %d queries (%d skipped: no such article), %s half%n%n",
                    hybrid.articles(), hybrid.queries(), hybrid.skipped(), holdout ? "held-out" : "tuning");
            System.out.printf(Locale.ROOT, "%-34s %8s %8s %8s %12s%n", "search", "hit@1", "hit@3", "MRR", "queries/s");
            row("hybrid (full-text + semantic, RRF)", hybrid);
            row("full-text alone (baseline)", fullText);
            row("semantic alone", semantic);
            return 0;
        }

        private static void row(String label, SearchEvaluation.Result r) {
            System.out.printf(Locale.ROOT, "%-34s %8.3f %8.3f %8.3f %12.1f%n", label, r.hitAt1(), r.hitAt3(), r.mrr(),
                    r.queriesPerSecond());
        }
    }
}
