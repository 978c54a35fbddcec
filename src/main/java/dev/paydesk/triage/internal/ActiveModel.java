package dev.paydesk.triage.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.paydesk.triage.classifier.ModelFile;
import dev.paydesk.triage.classifier.SentenceEmbedder;
import dev.paydesk.triage.classifier.TextClassifier;

/**
 * The active classifier, loaded from the database once per version. Every call checks which version
 * is active (one indexed query), so all nodes switch when another node activates a model.
 */
@Component
public class ActiveModel {

    /** A loaded model version. */
    public record Loaded(long id, TextClassifier classifier) {
    }

    private final ModelStore models;
    private final SentenceEmbedder embedder;
    private final AtomicReference<@Nullable Loaded> cache = new AtomicReference<>();

    ActiveModel(ModelStore models, SentenceEmbedder embedder) {
        this.models = models;
        this.embedder = embedder;
    }

    public Optional<Loaded> current() {
        Optional<Long> activeId = models.activeId();
        if (activeId.isEmpty()) {
            return Optional.empty();
        }
        Loaded loaded = cache.get();
        if (loaded == null || loaded.id() != activeId.get()) {
            long id = activeId.get();
            loaded = new Loaded(id, ModelFile.fromBytes(models.modelBytes(id), embedder));
            cache.set(loaded);
        }
        return Optional.of(loaded);
    }
}
