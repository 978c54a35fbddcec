package dev.paydesk.knowledge.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Words that say nothing about which article is meant because most articles contain them ("customer",
 * "payment" in a payments knowledge base): an OR-query with them matches nearly every document, and
 * ranking every document is what made full-text search slow at 10,000 articles. Their share comes from
 * PostgreSQL's own statistics of the search column ({@code pg_stats.most_common_elems}, kept by ANALYZE
 * and autovacuum), read at most once a minute; below {@link #MIN_DOCUMENTS} documents nothing is dropped
 * (the shares of a small corpus are noise). A query never loses all its words, nor the word being typed.
 */
@Component
class CommonTerms {

    /** A lexeme in more than this share of documents is common. */
    static final double MAX_SHARE = 0.4;
    static final long MIN_DOCUMENTS = 500;
    private static final long REFRESH_NANOS = 60_000_000_000L;

    private record Snapshot(Set<String> lexemes, long at) {
    }

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot = new Snapshot(Set.of(), Long.MIN_VALUE);

    CommonTerms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The words of the query (not the last one while typing) whose every stem is common, unless that is all of them. */
    Set<String> droppable(List<String> words, List<String> configs, boolean typing) {
        Set<String> common = lexemes();
        List<String> candidates = typing && !words.isEmpty() ? words.subList(0, words.size() - 1) : words;
        if (common.isEmpty() || candidates.isEmpty()) {
            return Set.of();
        }
        Map<String, List<String>> stems = new HashMap<>();
        jdbc.sql("""
                select w, array_agg(distinct lex) from unnest(cast(:words as text[])) as w
                  cross join unnest(cast(:configs as regconfig[])) as c
                  cross join lateral unnest(tsvector_to_array(to_tsvector(c, w))) as lex
                group by w
                """).param("words", Pg.array(candidates)).param("configs", Pg.array(configs))
                .query((rs, n) -> stems.put(rs.getString(1), Pg.strings(rs.getArray(2)))).list();
        Set<String> drop = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> e : stems.entrySet()) {
            if (common.containsAll(e.getValue())) {
                drop.add(e.getKey());
            }
        }
        return drop.containsAll(words) ? Set.of() : drop;
    }

    private Set<String> lexemes() {
        Snapshot s = snapshot;
        if (System.nanoTime() - s.at() < REFRESH_NANOS && s.at() != Long.MIN_VALUE) {
            return s.lexemes();
        }
        Set<String> fresh = load();
        snapshot = new Snapshot(fresh, System.nanoTime());
        return fresh;
    }

    private Set<String> load() {
        Long documents = jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = 'knowledge_document'::regclass")
                .query(Long.class).optional().orElse(0L);
        if (documents < MIN_DOCUMENTS) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                select e from pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as m (e, f)
                where s.tablename = 'knowledge_document' and s.attname = 'tsv' and s.schemaname = current_schema()
                  and e is not null and f > :share
                """).param("share", MAX_SHARE).query(String.class).list());
    }
}
