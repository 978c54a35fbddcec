package dev.paydesk.quality.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.paydesk.quality.Answer;
import dev.paydesk.quality.CalibrationSession;
import dev.paydesk.quality.calibration.CalibrationRating;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Calibration sessions and their blind ratings in plain SQL. */
@Repository
class CalibrationStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CalibrationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(CalibrationSession s) {
        jdbc.sql("""
                insert into quality_calibration (id, name, market, scorecard_id, case_keys, reviewers, status, created_by,
                                                 created_at)
                values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?)""")
                .params(s.id(), s.name(), s.market(), s.scorecardId(), json.writeValueAsString(s.caseKeys()),
                        json.writeValueAsString(s.reviewers()), s.status().name(), s.createdBy(),
                        Timestamp.from(s.createdAt())).update();
    }

    Optional<CalibrationSession> session(UUID id) {
        return jdbc.sql("select * from quality_calibration where id = ?").param(id).query(this::map).optional();
    }

    List<CalibrationSession> sessions(@org.jspecify.annotations.Nullable List<String> markets) {
        if (markets == null) {
            return jdbc.sql("select * from quality_calibration order by created_at desc limit 500").query(this::map).list();
        }
        return jdbc.sql("select * from quality_calibration where market = any(?) order by created_at desc limit 500")
                .param(markets.toArray(String[]::new)).query(this::map).list();
    }

    boolean reveal(UUID id) {
        return jdbc.sql("update quality_calibration set status = 'REVEALED' where id = ? and status = 'OPEN'")
                .param(id).update() == 1;
    }

    void rate(UUID id, CalibrationRating r, Instant at) {
        jdbc.sql("""
                insert into quality_calibration_rating (session_id, reviewer, case_key, answers, submitted_at)
                values (?, ?, ?, cast(? as jsonb), ?)
                on conflict (session_id, reviewer, case_key) do update set answers = excluded.answers,
                    submitted_at = excluded.submitted_at""")
                .params(id, r.reviewer(), r.caseKey(), json.writeValueAsString(r.answers()), Timestamp.from(at)).update();
    }

    List<CalibrationRating> ratings(UUID id) {
        return jdbc.sql("select * from quality_calibration_rating where session_id = ? order by case_key, reviewer")
                .param(id).query((rs, n) -> new CalibrationRating(rs.getString("reviewer"), rs.getString("case_key"),
                        json.readValue(rs.getString("answers"), new TypeReference<List<Answer>>() { })))
                .list();
    }

    private CalibrationSession map(ResultSet rs, int row) throws SQLException {
        return new CalibrationSession(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("market"),
                rs.getObject("scorecard_id", UUID.class), json.readValue(rs.getString("case_keys"), STRINGS),
                json.readValue(rs.getString("reviewers"), STRINGS),
                CalibrationSession.Status.valueOf(rs.getString("status")), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
