package dev.paydesk.knowledge.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.knowledge.TextEmbeddings;

/**
 * The one search every caller uses (API, UI, case suggestions, {@code knowledge eval}, {@code bench
 * knowledge}): PostgreSQL full-text per document language, plus cosine similarity of sentence
 * embeddings for the languages the model knows, fused by reciprocal rank and collapsed to one hit per
 * article. A corpus keeps throw-away document sets apart from the live one.
 */
@Component
public class SearchIndex {

    public static final String LIVE = "live";
    private static final int CANDIDATES = 50;
    private static final int SNIPPET = 240;
    /**
     * The default of {@code paydesk.knowledge.full-text-weight}: the full-text ranking's weight in the
     * fusion, the semantic one's being 1 (tuned with {@code knowledge eval}; see docs/knowledge.md).
     */
    static final double FULL_TEXT_WEIGHT = 0.5;
    /** The default of {@code paydesk.knowledge.min-similarity}. */
    static final double MIN_SIMILARITY = 0.55;

    public enum Mode { HYBRID, FULL_TEXT, SEMANTIC }

    public record Document(String articleId, String language, String audience, String title, String body,
                           List<String> markets, List<String> methods, List<String> providers, List<String> categories) {
    }

    /** {@code scope}: the reader's markets (null: every market), see {@link MarketScope}. */
    public record Filters(@Nullable String market, @Nullable String language, @Nullable String method,
                          @Nullable String provider, @Nullable String audience, @Nullable List<String> scope) {
        public static final Filters NONE = new Filters(null, null, null, null, null);

        public Filters(@Nullable String market, @Nullable String language, @Nullable String method,
                       @Nullable String provider, @Nullable String audience) {
            this(market, language, method, provider, audience, null);
        }

        public Filters scoped(@Nullable List<String> markets) {
            return new Filters(market, language, method, provider, audience, markets);
        }
    }

    public record Hit(String articleId, String language, String title, String snippet, String audience, double score,
                      @Nullable Integer fullTextRank, @Nullable Integer semanticRank) {
    }

    private record Key(String articleId, String language) {
    }

    private record Row(Key key, String title, String snippet, String audience) {
    }

    private record Vector(Key key, String audience, List<String> markets, List<String> methods, List<String> providers,
                          float[] values) {
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<TextEmbeddings> embeddings;
    private final CommonTerms commonTerms;
    private final Map<String, List<Vector>> vectors = new ConcurrentHashMap<>();
    private final double minSimilarity;
    private final double fullTextWeight;

    /**
     * @param minSimilarity cosine similarity below which a semantic neighbour is no match at all (bge-small
     *                      scores unrelated short texts around 0.3 to 0.5); tuned with {@code knowledge eval}
     */
    SearchIndex(JdbcClient jdbc, ObjectProvider<TextEmbeddings> embeddings, CommonTerms commonTerms,
                @org.springframework.beans.factory.annotation.Value("${paydesk.knowledge.min-similarity:" + MIN_SIMILARITY + "}")
                double minSimilarity,
                @org.springframework.beans.factory.annotation.Value("${paydesk.knowledge.full-text-weight:" + FULL_TEXT_WEIGHT + "}")
                double fullTextWeight) {
        this.fullTextWeight = fullTextWeight;
        this.commonTerms = commonTerms;
        this.jdbc = jdbc;
        this.embeddings = embeddings;
        this.minSimilarity = minSimilarity;
    }

    /** Adds or replaces documents; those in a language the embedding model knows get a vector. */
    @Transactional
    public void put(String corpus, List<Document> documents) {
        TextEmbeddings model = embeddings.getIfAvailable();
        List<Document> embeddable = model == null ? List.of()
                : documents.stream().filter(d -> model.languages().contains(d.language())).toList();
        float[][] embedded = embeddable.isEmpty() ? new float[0][]
                : model.embed(embeddable.stream().map(SearchIndex::embeddingText).toList());
        Map<Document, float[]> byDocument = new HashMap<>();
        for (int i = 0; i < embeddable.size(); i++) {
            byDocument.put(embeddable.get(i), embedded[i]);
        }
        for (Document d : documents) {
            float[] v = byDocument.get(d);
            jdbc.sql("""
                    insert into knowledge_document (corpus, article_id, language, config, audience, title, body, markets,
                        methods, providers, categories, embedding)
                    values (:corpus, :id, :language, cast(:config as regconfig), :audience, :title, :body,
                        cast(:markets as text[]), cast(:methods as text[]), cast(:providers as text[]),
                        cast(:categories as text[]), cast(:embedding as real[]))
                    on conflict (corpus, article_id, language) do update set config = excluded.config,
                        audience = excluded.audience, title = excluded.title, body = excluded.body,
                        markets = excluded.markets, methods = excluded.methods, providers = excluded.providers,
                        categories = excluded.categories, embedding = excluded.embedding
                    """)
                    .param("corpus", corpus).param("id", d.articleId()).param("language", d.language())
                    .param("config", SearchLanguages.config(d.language())).param("audience", d.audience())
                    .param("title", d.title()).param("body", d.body())
                    .param("markets", Pg.array(d.markets())).param("methods", Pg.array(d.methods()))
                    .param("providers", Pg.array(d.providers())).param("categories", Pg.array(d.categories()))
                    .param("embedding", v == null ? null : Pg.array(v))
                    .update();
        }
        vectors.remove(corpus);
    }

    @Transactional
    public void remove(String corpus, String articleId) {
        jdbc.sql("delete from knowledge_document where corpus = :corpus and article_id = :id")
                .param("corpus", corpus).param("id", articleId).update();
        vectors.remove(corpus);
    }

    @Transactional
    public void dropCorpus(String corpus) {
        jdbc.sql("delete from knowledge_document where corpus = :corpus").param("corpus", corpus).update();
        vectors.remove(corpus);
    }

    public List<Hit> search(String corpus, String query, Filters filters, List<List<String>> synonyms, int limit,
                            boolean typing, Mode mode) {
        String tsquery = mode == Mode.SEMANTIC ? "" : QueryText.tsquery(query, synonyms, typing,
                commonTerms.droppable(QueryText.words(query), configs(filters), typing));
        List<Row> fullText = tsquery.isEmpty() ? List.of() : fullText(corpus, tsquery, filters);
        List<Key> semantic = mode != Mode.FULL_TEXT ? semantic(corpus, query, filters) : List.of();
        Map<Key, Row> rows = new LinkedHashMap<>();
        fullText.forEach(r -> rows.put(r.key(), r));
        List<Key> fullTextKeys = fullText.stream().map(Row::key).toList();
        List<ReciprocalRankFusion.Fused<Key>> fused = ReciprocalRankFusion.fuse(
                new double[] {fullTextWeight, 1.0}, fullTextKeys, semantic);
        List<Hit> hits = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        rows.putAll(load(corpus, wanted(fused, limit).stream().filter(k -> !rows.containsKey(k)).toList()));
        for (ReciprocalRankFusion.Fused<Key> f : fused) {
            Row row = rows.get(f.item());
            if (row == null || seen.putIfAbsent(f.item().articleId(), true) != null) {
                continue;
            }
            int ft = fullTextKeys.indexOf(f.item());
            int se = semantic.indexOf(f.item());
            hits.add(new Hit(row.key().articleId(), row.key().language(), row.title(), row.snippet(), row.audience(),
                    f.score(), ft < 0 ? null : ft + 1, se < 0 ? null : se + 1));
            if (hits.size() == limit) {
                break;
            }
        }
        return hits;
    }

    /**
     * Each language configuration's tsquery is built once (not per row); one GIN index scan with all of
     * them OR-ed finds the candidates, each is checked and ranked ({@code ts_rank}: about a third of
     * {@code ts_rank_cd}'s cost per row) with its own language's query, and only the best
     * {@link #CANDIDATES} are read for title and snippet.
     */
    /** The best-fused key of each article, as many articles as asked for: the only rows the hits need. */
    private static List<Key> wanted(List<ReciprocalRankFusion.Fused<Key>> fused, int limit) {
        Map<String, Key> best = new LinkedHashMap<>();
        for (ReciprocalRankFusion.Fused<Key> f : fused) {
            best.putIfAbsent(f.item().articleId(), f.item());
            if (best.size() == limit) {
                break;
            }
        }
        return List.copyOf(best.values());
    }

    private List<Row> fullText(String corpus, String tsquery, Filters filters) {
        List<String> configs = configs(filters);
        String sql = """
                with q as materialized (
                    select c.config, to_tsquery(c.config, :q) as query from unnest(cast(:configs as regconfig[])) as c (config)),
                top as (
                    select d.article_id, d.language, ts_rank(d.tsv, q.query, 32) as rank
                    from knowledge_document d join q on q.config = d.config
                    where d.corpus = :corpus
                      and d.tsv @@ (select string_agg('(' || nullif(query::text, '') || ')', ' | ')::tsquery from q)
                      and d.tsv @@ q.query %s
                    order by rank desc, d.article_id limit %d)
                select top.article_id, top.language, d.title, left(d.body, %d) as snippet, d.audience
                from top join knowledge_document d
                  on d.corpus = :corpus and d.article_id = top.article_id and d.language = top.language
                order by top.rank desc, top.article_id
                """.formatted(filterSql(filters), CANDIDATES, SNIPPET);
        return filterParams(jdbc.sql(sql), filters).param("corpus", corpus).param("q", tsquery)
                .param("configs", Pg.array(configs)).query((rs, n) -> row(rs)).list();
    }

    private static List<String> configs(Filters filters) {
        return filters.language() == null ? SearchLanguages.ALL : List.of(SearchLanguages.config(filters.language()));
    }

    /** Refreshes the statistics {@link CommonTerms} reads, after a bulk load (autovacuum does it otherwise). */
    public void analyze() {
        jdbc.sql("analyze knowledge_document").update();
    }

    private static String filterSql(Filters f) {
        StringBuilder sb = new StringBuilder();
        if (f.language() != null) {
            sb.append(" and language = :language");
        }
        if (f.market() != null) {
            sb.append(" and (cardinality(markets) = 0 or :market = any(markets))");
        }
        if (f.method() != null) {
            sb.append(" and (cardinality(methods) = 0 or :method = any(methods))");
        }
        if (f.provider() != null) {
            sb.append(" and (cardinality(providers) = 0 or :provider = any(providers))");
        }
        if (f.audience() != null) {
            sb.append(" and audience = :audience");
        }
        if (f.scope() != null) {
            sb.append(" and (cardinality(markets) = 0 or markets && cast(:scope as text[]))");
        }
        return sb.toString();
    }

    private static JdbcClient.StatementSpec filterParams(JdbcClient.StatementSpec spec, Filters f) {
        JdbcClient.StatementSpec s = spec;
        if (f.language() != null) {
            s = s.param("language", f.language());
        }
        if (f.market() != null) {
            s = s.param("market", f.market());
        }
        if (f.method() != null) {
            s = s.param("method", f.method());
        }
        if (f.provider() != null) {
            s = s.param("provider", f.provider());
        }
        if (f.audience() != null) {
            s = s.param("audience", f.audience());
        }
        if (f.scope() != null) {
            s = s.param("scope", Pg.array(f.scope()));
        }
        return s;
    }

    private List<Key> semantic(String corpus, String query, Filters filters) {
        TextEmbeddings model = embeddings.getIfAvailable();
        if (model == null || query.isBlank() || (filters.language() != null && !model.languages().contains(filters.language()))) {
            return List.of();
        }
        List<Vector> candidates = vectors.computeIfAbsent(corpus, this::loadVectors);
        if (candidates.isEmpty()) {
            return List.of();
        }
        float[] q = model.embed(List.of(query))[0];
        record Scored(Key key, double similarity) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Vector v : candidates) {
            double similarity = passes(v, filters) ? dot(q, v.values()) : -1;
            if (similarity >= minSimilarity) {
                scored.add(new Scored(v.key(), similarity));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::similarity).reversed());
        return scored.stream().limit(CANDIDATES).map(Scored::key).toList();
    }

    private static boolean passes(Vector v, Filters f) {
        return (f.language() == null || f.language().equals(v.key().language()))
                && (f.audience() == null || f.audience().equals(v.audience()))
                && tagged(v.markets(), f.market()) && tagged(v.methods(), f.method()) && tagged(v.providers(), f.provider())
                && MarketScope.allows(v.markets(), f.scope());
    }

    private static boolean tagged(List<String> tags, @Nullable String wanted) {
        return wanted == null || tags.isEmpty() || tags.contains(wanted);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private List<Vector> loadVectors(String corpus) {
        return jdbc.sql("""
                select article_id, language, audience, markets, methods, providers, embedding from knowledge_document
                where corpus = :corpus and embedding is not null
                """).param("corpus", corpus).query((rs, n) -> new Vector(new Key(rs.getString(1), rs.getString(2)),
                rs.getString(3), Pg.strings(rs.getArray(4)), Pg.strings(rs.getArray(5)), Pg.strings(rs.getArray(6)),
                floats(rs.getArray(7)))).list();
    }

    /** The rows of documents only the semantic half found, in one query. */
    private Map<Key, Row> load(String corpus, List<Key> keys) {
        Map<Key, Row> rows = new HashMap<>();
        if (keys.isEmpty()) {
            return rows;
        }
        jdbc.sql("select d.article_id, d.language, d.title, left(d.body, " + SNIPPET + ") as snippet, d.audience"
                        + " from unnest(cast(:ids as text[]), cast(:languages as text[])) as k (article_id, language)"
                        + " join knowledge_document d on d.corpus = :corpus and d.article_id = k.article_id and d.language = k.language")
                .param("corpus", corpus).param("ids", Pg.array(keys.stream().map(Key::articleId).toList()))
                .param("languages", Pg.array(keys.stream().map(Key::language).toList()))
                .query((rs, n) -> row(rs)).list().forEach(r -> rows.put(r.key(), r));
        return rows;
    }

    /** How many documents a corpus holds. */
    public long count(String corpus) {
        return jdbc.sql("select count(*) from knowledge_document where corpus = :corpus").param("corpus", corpus)
                .query(Long.class).single();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(new Key(rs.getString("article_id"), rs.getString("language")), rs.getString("title"),
                rs.getString("snippet"), rs.getString("audience"));
    }

    private static float[] floats(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).floatValue();
        }
        return out;
    }

    private static String embeddingText(Document d) {
        String body = d.body();
        return d.title() + ". " + (body.length() > 600 ? body.substring(0, 600) : body);
    }
}
