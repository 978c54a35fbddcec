package dev.paydesk.knowledge.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.knowledge.ArticleCoverage;

/** The published articles' category and market tags, read for {@link ArticleCoverage}. */
@Component
class PublishedCoverage implements ArticleCoverage {

    private final JdbcClient jdbc;

    PublishedCoverage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Covered> published() {
        return jdbc.sql("""
                select id, categories, markets from knowledge_article
                where published_version is not null and cardinality(categories) > 0 order by id""")
                .query((rs, n) -> new Covered(rs.getString(1), Pg.strings(rs.getArray(2)), Pg.strings(rs.getArray(3))))
                .list();
    }
}
