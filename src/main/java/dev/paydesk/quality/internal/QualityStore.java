package dev.paydesk.quality.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.paydesk.quality.Answer;
import dev.paydesk.quality.Criterion;
import dev.paydesk.quality.Review;
import dev.paydesk.quality.ReviewStatus;
import dev.paydesk.quality.Score;
import dev.paydesk.quality.Scorecard;
import dev.paydesk.quality.ScorecardStatus;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Scorecards and reviews in plain SQL; criteria and answers as JSON. */
@Repository
class QualityStore {

    private static final String REVIEW_COLUMNS = """
            r.id, r.case_id, r.case_key, r.market, r.category, r.scorecard_id, s.name as scorecard_name,
            s.version as scorecard_version, r.reviewer, r.agent, r.status, r.answers, r.score_percent, r.earned,
            r.available, r.critical_failed, r.agent_comment, r.decision_note, r.submitted_at, r.updated_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    QualityStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Scorecard> scorecards(boolean activeOnly) {
        return jdbc.sql("select * from quality_scorecard" + (activeOnly ? " where status = 'ACTIVE'" : "")
                + " order by name, version desc").query(this::mapScorecard).list();
    }

    Optional<Scorecard> scorecard(UUID id) {
        return jdbc.sql("select * from quality_scorecard where id = ?").param(id).query(this::mapScorecard).optional();
    }

    Optional<Scorecard> activeScorecard(String name) {
        return jdbc.sql("select * from quality_scorecard where name = ? and status = 'ACTIVE' for update")
                .param(name).query(this::mapScorecard).optional();
    }

    int lastVersion(String name) {
        return jdbc.sql("select coalesce(max(version), 0) from quality_scorecard where name = ?").param(name)
                .query(Integer.class).single();
    }

    void setStatus(UUID id, ScorecardStatus status) {
        jdbc.sql("update quality_scorecard set status = ? where id = ?").params(status.name(), id).update();
    }

    void insert(Scorecard s) {
        jdbc.sql("""
                insert into quality_scorecard (id, name, version, category_group, market, status, criteria,
                                               created_at, created_by)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""")
                .params(s.id(), s.name(), s.version(), s.categoryGroup(), s.market(), s.status().name(),
                        json.writeValueAsString(s.criteria()), Timestamp.from(s.createdAt()), s.createdBy())
                .update();
    }

    void insert(Review r) {
        jdbc.sql("""
                insert into quality_review (id, case_id, case_key, market, category, scorecard_id, reviewer, agent,
                    status, answers, score_percent, earned, available, critical_failed, submitted_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.caseId(), r.caseKey(), r.market(), r.category(), r.scorecardId(), r.reviewer(),
                        r.agent(), r.status().name(), json.writeValueAsString(r.answers()), r.score().percent(),
                        r.score().earned(), r.score().available(), r.score().criticalFailed(),
                        Timestamp.from(r.submittedAt()), Timestamp.from(r.updatedAt()))
                .update();
    }

    /** Moves a review from {@code from} to {@code to}; false when another change came first. */
    boolean transition(UUID id, ReviewStatus from, ReviewStatus to, @Nullable String agentComment,
                       @Nullable String decisionNote, java.time.Instant at) {
        return jdbc.sql("""
                update quality_review set status = ?, agent_comment = coalesce(?, agent_comment),
                       decision_note = coalesce(?, decision_note), updated_at = ?, version = version + 1
                where id = ? and status = ?""")
                .params(to.name(), agentComment, decisionNote, Timestamp.from(at), id, from.name()).update() == 1;
    }

    Optional<Review> review(UUID id) {
        return jdbc.sql("select " + REVIEW_COLUMNS + " from quality_review r join quality_scorecard s on s.id = r.scorecard_id"
                + " where r.id = ?").param(id).query(this::mapReview).optional();
    }

    List<Review> reviews(@Nullable List<String> markets, @Nullable String agent, @Nullable UUID caseId, int limit,
                         int offset) {
        StringBuilder sql = new StringBuilder("select " + REVIEW_COLUMNS
                + " from quality_review r join quality_scorecard s on s.id = r.scorecard_id where true");
        var params = new java.util.ArrayList<Object>();
        if (markets != null) {
            sql.append(" and r.market = any(?)");
            params.add(markets.toArray(String[]::new));
        }
        if (agent != null) {
            sql.append(" and r.agent = ?");
            params.add(agent);
        }
        if (caseId != null) {
            sql.append(" and r.case_id = ?");
            params.add(caseId);
        }
        sql.append(" order by r.submitted_at desc, r.id limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(this::mapReview).list();
    }

    private Scorecard mapScorecard(ResultSet rs, int row) throws SQLException {
        return new Scorecard(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("version"),
                rs.getString("category_group"), rs.getString("market"), ScorecardStatus.valueOf(rs.getString("status")),
                json.readValue(rs.getString("criteria"), new TypeReference<List<Criterion>>() { }),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    private Review mapReview(ResultSet rs, int row) throws SQLException {
        return new Review(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("case_key"),
                rs.getString("market"), rs.getString("category"), rs.getObject("scorecard_id", UUID.class),
                rs.getString("scorecard_name"), rs.getInt("scorecard_version"), rs.getString("reviewer"),
                rs.getString("agent"), ReviewStatus.valueOf(rs.getString("status")),
                json.readValue(rs.getString("answers"), new TypeReference<List<Answer>>() { }),
                new Score(rs.getDouble("score_percent"), rs.getLong("earned"), rs.getLong("available"),
                        rs.getBoolean("critical_failed")),
                rs.getString("agent_comment"), rs.getString("decision_note"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
