package dev.paydesk.quality.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.paydesk.quality.Assignment;
import dev.paydesk.quality.Sample;

/** Stored samples and their review assignments in plain SQL. */
@Repository
class SampleStore {

    private final JdbcClient jdbc;

    SampleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Sample> sample(String market, LocalDate from, LocalDate to) {
        return jdbc.sql("select * from quality_sample where market = ? and period_from = ? and period_to = ?")
                .params(market, Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new Sample(rs.getObject("id", UUID.class), rs.getString("market"),
                        rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(), rs.getLong("seed"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), List.of()))
                .optional().map(s -> new Sample(s.id(), s.market(), s.from(), s.to(), s.seed(), s.createdAt(),
                        s.createdBy(), assignments(s.id())));
    }

    void insert(Sample s) {
        jdbc.sql("""
                insert into quality_sample (id, market, period_from, period_to, seed, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.market(), Date.valueOf(s.from()), Date.valueOf(s.to()), s.seed(),
                        Timestamp.from(s.createdAt()), s.createdBy()).update();
        for (Assignment a : s.assignments()) {
            jdbc.sql("""
                    insert into quality_assignment (id, sample_id, case_key, market, agent, reviewer, reason, due_on)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(a.id(), a.sampleId(), a.caseKey(), a.market(), a.agent(), a.reviewer(),
                            a.reason().length() > 200 ? a.reason().substring(0, 200) : a.reason(), Date.valueOf(a.dueOn()))
                    .update();
        }
    }

    List<Assignment> assignments(UUID sampleId) {
        return jdbc.sql("select * from quality_assignment where sample_id = ? order by case_key").param(sampleId)
                .query(SampleStore::map).list();
    }

    /** Assignments in these markets (null = all), of one reviewer when named, open ones first by due date. */
    List<Assignment> assignments(@Nullable List<String> markets, @Nullable String reviewer, int limit) {
        StringBuilder sql = new StringBuilder("select * from quality_assignment where true");
        List<Object> params = new ArrayList<>();
        if (markets != null) {
            sql.append(" and market = any(?)");
            params.add(markets.toArray(String[]::new));
        }
        if (reviewer != null) {
            sql.append(" and reviewer = ?");
            params.add(reviewer);
        }
        sql.append(" order by (review_id is not null), due_on, case_key limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(SampleStore::map).list();
    }

    /** Marks the open assignments of a case done by this review. */
    int complete(String caseKey, UUID reviewId) {
        return jdbc.sql("update quality_assignment set review_id = ? where case_key = ? and review_id is null")
                .params(reviewId, caseKey).update();
    }

    private static Assignment map(ResultSet rs, int row) throws SQLException {
        return new Assignment(rs.getObject("id", UUID.class), rs.getObject("sample_id", UUID.class),
                rs.getString("case_key"), rs.getString("market"), rs.getString("agent"), rs.getString("reviewer"),
                rs.getString("reason"), rs.getDate("due_on").toLocalDate(), rs.getObject("review_id", UUID.class));
    }
}
