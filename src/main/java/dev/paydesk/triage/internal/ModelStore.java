package dev.paydesk.triage.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.paydesk.platform.ClusterNotifications;
import dev.paydesk.triage.ModelVersion;

/** The {@code triage_models} table. */
@Repository
public class ModelStore {

    private static final String COLUMNS = "id, created_at, created_by, source, train_size, embedder, accuracy, macro_f1,"
            + " baseline_macro_f1, active, activated_at, activated_by, forced";

    /** Announced to every node when another version becomes active (see {@link ActiveModel}). */
    static final String ACTIVE_MODEL_TOPIC = "triage.active-model";

    private final JdbcClient jdbc;
    private final ClusterNotifications cluster;

    ModelStore(JdbcClient jdbc, ClusterNotifications cluster) {
        this.jdbc = jdbc;
        this.cluster = cluster;
    }

    /** A new, inactive version. */
    public record NewModel(Instant createdAt, String createdBy, String source, int trainSize, @Nullable String embedder,
                           double accuracy, double macroF1, @Nullable Double baselineMacroF1, String evaluationJson,
                           byte[] model) {
    }

    public long insert(NewModel m) {
        return jdbc.sql("""
                insert into triage_models (created_at, created_by, source, train_size, embedder, accuracy, macro_f1,
                    baseline_macro_f1, evaluation, model)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?) returning id""")
                .params(Timestamp.from(m.createdAt()), m.createdBy(), m.source(), m.trainSize(), m.embedder(),
                        m.accuracy(), m.macroF1(), m.baselineMacroF1(), m.evaluationJson(), m.model())
                .query(Long.class).single();
    }

    public List<ModelVersion> versions() {
        return jdbc.sql("select " + COLUMNS + " from triage_models order by id desc").query(ModelStore::version).list();
    }

    public Optional<ModelVersion> version(long id) {
        return jdbc.sql("select " + COLUMNS + " from triage_models where id = ?").param(id)
                .query(ModelStore::version).optional();
    }

    public Optional<Long> activeId() {
        return jdbc.sql("select id from triage_models where active").query(Long.class).optional();
    }

    public byte[] modelBytes(long id) {
        return jdbc.sql("select model from triage_models where id = ?").param(id).query(byte[].class).single();
    }

    public String evaluationJson(long id) {
        return jdbc.sql("select evaluation::text from triage_models where id = ?").param(id).query(String.class).single();
    }

    /** Makes the version the only active one. */
    public void activate(long id, Instant at, String by, boolean forced) {
        jdbc.sql("update triage_models set active = false where active and id <> ?").param(id).update();
        jdbc.sql("update triage_models set active = true, activated_at = ?, activated_by = ?, forced = ? where id = ?")
                .params(Timestamp.from(at), by, forced, id).update();
        cluster.publish(ACTIVE_MODEL_TOPIC);
    }

    private static ModelVersion version(ResultSet rs, int row) throws SQLException {
        Timestamp activatedAt = rs.getTimestamp("activated_at");
        double baseline = rs.getDouble("baseline_macro_f1");
        Double baselineOrNull = rs.wasNull() ? null : baseline;
        return new ModelVersion(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getString("source"), rs.getInt("train_size"), rs.getString("embedder"), rs.getDouble("accuracy"),
                rs.getDouble("macro_f1"), baselineOrNull, rs.getBoolean("active"),
                activatedAt == null ? null : activatedAt.toInstant(), rs.getString("activated_by"), rs.getBoolean("forced"));
    }
}
