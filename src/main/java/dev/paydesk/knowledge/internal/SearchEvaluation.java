package dev.paydesk.knowledge.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

import dev.paydesk.shared.InvalidInputException;

/**
 * Measures search quality: loads a folder of Markdown articles (file name = article id; {@code id.de.md}
 * is the German text of article {@code id}) into a throw-away corpus, runs every query through the
 * same {@link SearchIndex#search} the UI and API use, and reports hit@1, hit@3 and mean reciprocal rank.
 */
@Component
public class SearchEvaluation {

    public record Query(String text, String expected) {
    }

    public record Result(int articles, int queries, int skipped, double hitAt1, double hitAt3, double mrr,
                         double queriesPerSecond) {
    }

    private final SearchIndex index;

    SearchEvaluation(SearchIndex index) {
        this.index = index;
    }

    public static List<SearchIndex.Document> readArticles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("articles", folder + " is not a folder of Markdown articles");
        }
        List<SearchIndex.Document> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList()) {
                String name = file.getFileName().toString();
                String stem = name.substring(0, name.length() - 3);
                String language = "en";
                int dot = stem.lastIndexOf('.');
                if (dot > 0 && stem.length() - dot == 3) {
                    language = stem.substring(dot + 1);
                    stem = stem.substring(0, dot);
                }
                String markdown = Files.readString(file, StandardCharsets.UTF_8);
                String title = markdown.lines().filter(l -> l.startsWith("# ")).findFirst().map(l -> l.substring(2).trim())
                        .orElse(stem);
                String body = markdown.lines().filter(l -> !l.startsWith("# ")).reduce("", (a, b) -> a + "\n" + b);
                docs.add(new SearchIndex.Document(stem, language, "INTERNAL", title, MarkdownRenderer.toPlainText(body),
                        List.of(), List.of(), List.of(), List.of()));
            }
        }
        return docs;
    }

    /** query,expected_article_id rows (a header row is skipped); {@code maxPerArticle} 0 means all. */
    public static List<Query> readQueries(Path file, int maxPerArticle, boolean holdout) throws IOException {
        List<Query> queries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            boolean first = true;
            for (CSVRecord row : CSVFormat.RFC4180.parse(reader)) {
                if (first && (row.get(0).equalsIgnoreCase("query") || row.get(0).equalsIgnoreCase("text"))) {
                    first = false;
                    continue;
                }
                first = false;
                if (row.size() < 2) {
                    continue;
                }
                String expected = row.get(1).trim();
                int n = seen.merge(expected, 1, Integer::sum);
                boolean held = n % 2 == 0;
                if (held != holdout) {
                    continue;
                }
                if (maxPerArticle > 0 && (n + 1) / 2 > maxPerArticle) {
                    continue;
                }
                queries.add(new Query(row.get(0).trim(), expected));
            }
        }
        return queries;
    }

    public Result run(List<SearchIndex.Document> articles, List<Query> queries, List<List<String>> synonyms,
                      SearchIndex.Mode mode) {
        String corpus = "eval-" + UUID.randomUUID();
        try {
            index.put(corpus, articles);
            Map<String, Boolean> ids = new LinkedHashMap<>();
            articles.forEach(a -> ids.put(a.articleId(), true));
            List<Query> known = queries.stream().filter(q -> ids.containsKey(q.expected())).toList();
            int hit1 = 0;
            int hit3 = 0;
            double reciprocal = 0;
            long start = System.nanoTime();
            for (Query q : known) {
                List<SearchIndex.Hit> hits = index.search(corpus, q.text(), SearchIndex.Filters.NONE, synonyms, 10, false, mode);
                for (int rank = 0; rank < hits.size(); rank++) {
                    if (hits.get(rank).articleId().equals(q.expected())) {
                        hit1 += rank == 0 ? 1 : 0;
                        hit3 += rank < 3 ? 1 : 0;
                        reciprocal += 1.0 / (rank + 1);
                        break;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int n = Math.max(1, known.size());
            return new Result(ids.size(), known.size(), queries.size() - known.size(), (double) hit1 / n, (double) hit3 / n,
                    reciprocal / n, known.size() / Math.max(seconds, 1e-9));
        } finally {
            index.dropCorpus(corpus);
        }
    }
}
