package dev.paydesk.triage.classifier;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.jspecify.annotations.Nullable;

/**
 * Saves and loads classifiers in a small versioned binary format (gzip). Format 2 adds the
 * nearest-neighbour vote (training embeddings in half precision); format 1 files still load.
 */
public final class ModelFile {

    private static final String MAGIC = "paydesk-triage-model";
    private static final int FORMAT = 2;

    private ModelFile() {
    }

    public static byte[] toBytes(TextClassifier model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(model, bytes);
        return bytes.toByteArray();
    }

    public static TextClassifier fromBytes(byte[] bytes, @Nullable SentenceEmbedder embedder) {
        return read(new ByteArrayInputStream(bytes), embedder);
    }

    public static void write(TextClassifier model, OutputStream target) {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(target), 1 << 16))) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            writeStrings(out, model.categories());
            TfidfVectorizer vectorizer = model.vectorizer();
            writeStrings(out, vectorizer.terms());
            out.writeInt(vectorizer.wordFeatures());
            writeFloats(out, vectorizer.idf());
            String embedderName = model.embedderName();
            out.writeUTF(embedderName == null ? "" : embedderName);
            out.writeFloat(model.embeddingWeight());
            SoftmaxRegression regression = model.regression();
            out.writeInt(regression.features());
            writeFloats(out, regression.weights());
            writeFloats(out, regression.bias());
            out.writeDouble(model.temperature());
            NeighbourVote neighbours = model.neighbours();
            out.writeBoolean(neighbours != null);
            if (neighbours != null) {
                out.writeFloat(neighbours.temperature());
                out.writeFloat(neighbours.weight());
                out.writeInt(neighbours.dimensions());
                writeInts(out, neighbours.labels());
                float[] vectors = neighbours.transposed();
                out.writeInt(vectors.length);
                for (float value : vectors) {
                    out.writeShort(Float.floatToFloat16(value));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a model; the embedder must be the one it was trained with (or null for a lexical model). */
    public static TextClassifier read(InputStream source, @Nullable SentenceEmbedder embedder) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source), 1 << 16))) {
            int format;
            if (!MAGIC.equals(in.readUTF()) || (format = in.readInt()) < 1 || format > FORMAT) {
                throw new IOException("not a Paydesk triage model (or an unsupported format)");
            }
            List<String> categories = readStrings(in);
            List<String> terms = readStrings(in);
            int wordFeatures = in.readInt();
            TfidfVectorizer vectorizer = new TfidfVectorizer(terms, readFloats(in), wordFeatures);
            String embedderName = in.readUTF();
            float weight = in.readFloat();
            if (!embedderName.isEmpty() && (embedder == null || !embedder.name().equals(embedderName))) {
                throw new IOException("model needs the sentence embedder " + embedderName);
            }
            int features = in.readInt();
            SoftmaxRegression regression = new SoftmaxRegression(features, categories.size(), readFloats(in), readFloats(in));
            double temperature = in.readDouble();
            NeighbourVote neighbours = null;
            if (format >= 2 && in.readBoolean()) {
                float voteTemperature = in.readFloat();
                float voteWeight = in.readFloat();
                int dimensions = in.readInt();
                int[] labels = readInts(in);
                float[] vectors = new float[in.readInt()];
                for (int i = 0; i < vectors.length; i++) {
                    vectors[i] = Float.float16ToFloat(in.readShort());
                }
                neighbours = new NeighbourVote(dimensions, categories.size(), vectors, labels, voteTemperature, voteWeight);
            }
            return new TextClassifier(categories, vectorizer, embedderName.isEmpty() ? null : embedder, weight,
                    regression, neighbours, temperature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(in.readUTF());
        }
        return values;
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int value : values) {
            out.writeInt(value);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float value : values) {
            out.writeFloat(value);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] values = new float[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}
