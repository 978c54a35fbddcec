package dev.paydesk.triage;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.PanRedactor;
import dev.paydesk.triage.classifier.Prediction;
import dev.paydesk.triage.internal.ActiveModel;
import dev.paydesk.triage.internal.LabelStore;
import dev.paydesk.triage.internal.TriageProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Categorises inquiries for the case desk: {@link #classify}, {@link #route} (confident → category,
 * otherwise the triage queue with three suggestions), and the feedback that trains the next model
 * ({@link #confirm}, {@link #correct}). Texts are redacted for card numbers before they are stored.
 */
@Service
public class Triage {

    private final ActiveModel activeModel;
    private final LabelStore labels;
    private final TriageProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json;

    Triage(ActiveModel activeModel, LabelStore labels, TriageProperties properties, AuditLog audit, Clock clock,
           JsonMapper json) {
        this.activeModel = activeModel;
        this.labels = labels;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    /**
     * The active model's category, calibrated confidence and top three for a text; empty when no model
     * is active. The language is accepted for per-language models later; today one model serves all.
     */
    public Optional<Classification> classify(String text, @Nullable String language) {
        return activeModel.current().map(loaded -> toClassification(loaded.classifier().predict(text), loaded.id()));
    }

    /** Classifies a new inquiry and queues it for triage when the confidence is below the threshold. */
    @Transactional
    public RoutingDecision route(String itemRef, String text, @Nullable String language, @Nullable String market) {
        Optional<Classification> classification = classify(text, language);
        if (classification.isEmpty()) {
            return new RoutingDecision.NoModel();
        }
        Classification c = classification.get();
        if (c.confidence() >= properties.confidenceThreshold()) {
            return new RoutingDecision.Categorised(c, c.category());
        }
        labels.enqueue(itemRef, market, c.confidence(), json.writeValueAsString(c.suggestions()), c.modelId(), clock.instant());
        audit.record("triage.queued", "triage_item", itemRef, market, null,
                Map.of("confidence", c.confidence(), "suggestions", c.suggestions()));
        return new RoutingDecision.QueuedForTriage(c);
    }

    /** The confidence below which {@link #route} queues for triage. */
    public double confidenceThreshold() {
        return properties.confidenceThreshold();
    }

    /** A case's category is confirmed (e.g. on closing): the text joins the training set. */
    @Transactional
    public void confirm(String itemRef, String text, @Nullable String language, String category) {
        labels.upsertLabel(itemRef, PanRedactor.redact(text), language, category, "confirmed", clock.instant());
        labels.resolveQueued(itemRef, category, clock.instant());
    }

    /**
     * An agent changed the category: recorded as a correction, the text joins the training set with the
     * corrected category and any triage-queue entry is resolved.
     */
    @Transactional
    public void correct(String itemRef, String text, @Nullable String language, @Nullable String predicted, String corrected) {
        checkCorrection(itemRef, text, language, predicted, corrected);
        String by = CurrentUser.actorName();
        long id = labels.insertCorrection(itemRef, predicted, corrected, by, clock.instant());
        labels.upsertLabel(itemRef, PanRedactor.redact(text), language, corrected, "correction", clock.instant());
        labels.resolveQueued(itemRef, corrected, clock.instant());
        audit.record("triage.corrected", "triage_item", itemRef, null,
                predicted == null ? null : Map.of("category", predicted), Map.of("category", corrected, "correction", id));
    }

    /** A correction's fields as long as their columns, so a long value is a 400 and not a database error. */
    public static void checkCorrection(@Nullable String itemRef, @Nullable String text, @Nullable String language,
                                       @Nullable String predicted, @Nullable String corrected) {
        bounded("itemRef", itemRef, 100, true);
        bounded("text", text, 100_000, true);
        bounded("language", language, 8, false);
        bounded("predicted", predicted, 64, false);
        bounded("corrected", corrected, 64, true);
    }

    private static void bounded(String field, @Nullable String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new dev.paydesk.shared.InvalidInputException(field, field + " is required");
            }
            return;
        }
        if (value.length() > max) {
            throw new dev.paydesk.shared.InvalidInputException(field, field + " is longer than " + max + " characters");
        }
    }

    /** Corrections not yet used by a training run. */
    public int pendingCorrections() {
        return labels.pendingCorrections();
    }

    /** Open triage-queue entries, oldest first. */
    public List<QueuedItem> triageQueue(int limit) {
        return labels.openQueue(limit).stream().map(q -> new QueuedItem(q.itemRef(), q.market(), q.confidence(),
                List.of(json.readValue(q.suggestionsJson(), Suggestion[].class)), q.queuedAt())).toList();
    }

    /** An inquiry waiting for a person to pick its category. */
    public record QueuedItem(String itemRef, @Nullable String market, double confidence, List<Suggestion> suggestions,
                             java.time.Instant queuedAt) {
    }

    private static Classification toClassification(Prediction p, long modelId) {
        return new Classification(p.category(), p.confidence(),
                p.top().stream().map(s -> new Suggestion(s.category(), s.probability())).toList(), modelId);
    }
}
