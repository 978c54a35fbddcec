package dev.paydesk.triage.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.paydesk.platform.ClusterNotifications;
import dev.paydesk.triage.classifier.ModelFile;
import dev.paydesk.triage.classifier.SentenceEmbedder;
import dev.paydesk.triage.classifier.TextClassifier;

/**
 * The active classifier, loaded from the database once per version. Which version is active is kept in
 * memory and forgotten whenever any node activates another one ({@link ClusterNotifications}, topic
 * {@value ModelStore#ACTIVE_MODEL_TOPIC}), so every node switches within a moment, without a query
 * per classification.
 */
@Component
public class ActiveModel {

    /** A loaded model version. */
    public record Loaded(long id, TextClassifier classifier) {
    }

    private final ModelStore models;
    private final SentenceEmbedder embedder;
    private final AtomicReference<@Nullable Loaded> cache = new AtomicReference<>();
    /** The active version's id as last read; null when unknown (at start and after every change). */
    private final AtomicReference<@Nullable Optional<Long>> active = new AtomicReference<>();
    private final AtomicLong changes = new AtomicLong();

    ActiveModel(ModelStore models, SentenceEmbedder embedder, ClusterNotifications cluster) {
        this.models = models;
        this.embedder = embedder;
        cluster.subscribe(ModelStore.ACTIVE_MODEL_TOPIC, () -> {
            changes.incrementAndGet();
            active.set(null);
        });
    }

    private Optional<Long> activeId() {
        Optional<Long> known = active.get();
        if (known != null) {
            return known;
        }
        long seen = changes.get();
        Optional<Long> read = models.activeId();
        if (changes.get() == seen) { // no change announced while reading: keep it
            active.compareAndSet(null, read);
        }
        return read;
    }

    public Optional<Loaded> current() {
        Optional<Long> activeId = activeId();
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
