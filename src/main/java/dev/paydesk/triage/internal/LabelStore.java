package dev.paydesk.triage.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.paydesk.triage.classifier.LabelledText;

/** Labelled texts (the database training set), agents' corrections and the triage queue. */
@Repository
public class LabelStore {

    private final JdbcClient jdbc;

    LabelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void upsertLabel(String itemRef, String text, @Nullable String language, String category, String source, Instant at) {
        jdbc.sql("""
                insert into triage_labelled_texts (item_ref, text, language, category, source, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (item_ref) do update set text = excluded.text, language = excluded.language,
                    category = excluded.category, source = excluded.source, updated_at = excluded.updated_at""")
                .params(itemRef, text, language, category, source, Timestamp.from(at)).update();
    }

    public List<LabelledText> labelledTexts() {
        return jdbc.sql("select text, category from triage_labelled_texts order by item_ref")
                .query((rs, n) -> new LabelledText(rs.getString(1), rs.getString(2))).list();
    }

    public long insertCorrection(String itemRef, @Nullable String predicted, String corrected, String by, Instant at) {
        return jdbc.sql("""
                insert into triage_corrections (item_ref, predicted, corrected, corrected_by, corrected_at)
                values (?, ?, ?, ?, ?) returning id""")
                .params(itemRef, predicted, corrected, by, Timestamp.from(at)).query(Long.class).single();
    }

    /** Marks corrections up to {@code until} as consumed by a training run. */
    public int markCorrectionsUsed(long modelId, Instant until) {
        return jdbc.sql("update triage_corrections set used_by_model = ? where used_by_model is null and corrected_at <= ?")
                .params(modelId, Timestamp.from(until)).update();
    }

    public int pendingCorrections() {
        return jdbc.sql("select count(*) from triage_corrections where used_by_model is null").query(Integer.class).single();
    }

    public void enqueue(String itemRef, @Nullable String market, double confidence, String suggestionsJson, long modelId,
                        Instant at) {
        jdbc.sql("""
                insert into triage_queue (item_ref, market, confidence, suggestions, model_id, queued_at)
                values (?, ?, ?, cast(? as jsonb), ?, ?)
                on conflict (item_ref) do update set confidence = excluded.confidence, suggestions = excluded.suggestions,
                    model_id = excluded.model_id, queued_at = excluded.queued_at, resolved_at = null,
                    resolved_category = null""")
                .params(itemRef, market, confidence, suggestionsJson, modelId, Timestamp.from(at)).update();
    }

    /** Closes the queue entry, if any; returns whether one was open. */
    public boolean resolveQueued(String itemRef, String category, Instant at) {
        return jdbc.sql("update triage_queue set resolved_at = ?, resolved_category = ? where item_ref = ? and resolved_at is null")
                .params(Timestamp.from(at), category, itemRef).update() > 0;
    }

    /** An open entry of the triage queue. */
    public record QueuedItem(String itemRef, @Nullable String market, double confidence, String suggestionsJson,
                             Instant queuedAt) {
    }

    public List<QueuedItem> openQueue(int limit) {
        return jdbc.sql("""
                select item_ref, market, confidence, suggestions::text, queued_at from triage_queue
                where resolved_at is null order by queued_at limit ?""").param(limit)
                .query((rs, n) -> new QueuedItem(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
    }
}
