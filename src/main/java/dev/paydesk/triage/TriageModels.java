package dev.paydesk.triage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;
import dev.paydesk.triage.classifier.ClassifierTrainer;
import dev.paydesk.triage.classifier.Evaluation;
import dev.paydesk.triage.classifier.LabelledText;
import dev.paydesk.triage.classifier.ModelFile;
import dev.paydesk.triage.classifier.Sampling;
import dev.paydesk.triage.classifier.SentenceEmbedder;
import dev.paydesk.triage.classifier.TextClassifier;
import dev.paydesk.triage.internal.ActiveModel;
import dev.paydesk.triage.internal.LabelStore;
import dev.paydesk.triage.internal.ModelStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains, versions and activates classifiers. Each run holds out a stratified fifth of the texts,
 * scores the candidate and the active model on it, then refits the candidate on all texts. The new
 * version becomes active only if its held-out macro-F1 beats the active model's on the same texts;
 * otherwise an admin may force it.
 */
@Service
public class TriageModels {

    private static final int HOLDOUT_FOLDS = 5;

    private final ModelStore models;
    private final LabelStore labels;
    private final ActiveModel activeModel;
    private final SentenceEmbedder embedder;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    TriageModels(ModelStore models, LabelStore labels, ActiveModel activeModel, SentenceEmbedder embedder, AuditLog audit,
                 Clock clock, JsonMapper json, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.models = models;
        this.labels = labels;
        this.activeModel = activeModel;
        this.embedder = embedder;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.events = events;
    }

    /**
     * Trains on every labelled text in the database (confirmed categories and agents' corrections) and
     * marks the corrections it consumed.
     */
    public ModelVersion trainFromDatabase() {
        Instant started = clock.instant();
        Candidate candidate = candidate(labels.labelledTexts());
        return transactions.execute(status -> {
            ModelVersion version = store(candidate, "database");
            labels.markCorrectionsUsed(version.id(), started);
            return version(version.id());
        });
    }

    /**
     * Trains on the given texts, stores the version and activates it if it beats the active one.
     * Training runs outside any transaction (about half a minute for 10,000 texts); storing is one.
     */
    public ModelVersion train(List<LabelledText> data, String source) {
        Candidate candidate = candidate(data);
        return transactions.execute(status -> store(candidate, source));
    }

    private record Candidate(TextClassifier model, Evaluation evaluation, @Nullable Double baselineMacroF1, int texts) {
    }

    private Candidate candidate(List<LabelledText> data) {
        if (data.size() < 2 * HOLDOUT_FOLDS || data.stream().map(LabelledText::category).distinct().count() < 2) {
            throw new InvalidInputException("data", "need at least " + 2 * HOLDOUT_FOLDS + " texts in two or more categories");
        }
        float[][] embeddings = embedder.embed(data.stream().map(LabelledText::text).toList());
        int[] fold = Sampling.stratifiedFolds(data, HOLDOUT_FOLDS, 17);
        List<LabelledText> train = new ArrayList<>();
        List<float[]> trainEmbeddings = new ArrayList<>();
        List<LabelledText> holdout = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (fold[i] == 0) {
                holdout.add(data.get(i));
            } else {
                train.add(data.get(i));
                trainEmbeddings.add(embeddings[i]);
            }
        }
        ClassifierTrainer trainer = new ClassifierTrainer(embedder, ClassifierTrainer.Options.defaults());
        Evaluation evaluation = Evaluation.run(trainer.train(train, trainEmbeddings.toArray(float[][]::new)), holdout);
        Double baseline = activeModel.current().map(active -> Evaluation.run(active.classifier(), holdout).macroF1()).orElse(null);
        return new Candidate(trainer.train(data, embeddings), evaluation, baseline, data.size());
    }

    private ModelVersion store(Candidate c, String source) {
        Evaluation evaluation = c.evaluation();
        long id = models.insert(new ModelStore.NewModel(clock.instant(), CurrentUser.actorName(), source, c.texts(),
                c.model().embedderName(), evaluation.accuracy(), evaluation.macroF1(), c.baselineMacroF1(),
                json.writeValueAsString(evaluation), ModelFile.toBytes(c.model())));
        audit.record("triage.model.trained", "triage_model", String.valueOf(id), null, null,
                Map.of("source", source, "texts", c.texts(), "accuracy", evaluation.accuracy(), "macroF1", evaluation.macroF1(),
                        "baselineMacroF1", c.baselineMacroF1() == null ? "none" : c.baselineMacroF1()));
        if (c.baselineMacroF1() == null || evaluation.macroF1() > c.baselineMacroF1()) {
            activate(id, false);
        }
        return version(id);
    }

    /** Activates a version; without {@code force} only one that beat its baseline. */
    @Transactional
    public ModelVersion activate(long id, boolean force) {
        ModelVersion version = version(id);
        if (!force && !version.beatsBaseline()) {
            throw new ConflictException("model " + id + " does not beat the model that was active when it was trained;"
                    + " an admin may force it");
        }
        @Nullable Long previous = models.activeId().orElse(null);
        models.activate(id, clock.instant(), CurrentUser.actorName(), force);
        audit.record("triage.model.activated", "triage_model", String.valueOf(id), null,
                previous == null ? null : Map.of("active", previous), Map.of("active", id, "forced", force));
        events.publishEvent(new ModelActivated(id, version.macroF1(), force));
        return version(id);
    }

    public List<ModelVersion> versions() {
        return models.versions();
    }

    public ModelVersion version(long id) {
        return models.version(id).orElseThrow(() -> new NotFoundException("triage model " + id));
    }

    /** The stored evaluation (accuracy, macro-F1, per-category scores, confusion pairs). */
    public Evaluation evaluation(long id) {
        version(id);
        return json.readValue(models.evaluationJson(id), Evaluation.class);
    }
}
