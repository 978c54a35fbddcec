package dev.paydesk.triage.classifier;

import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression on sparse features, trained by stochastic gradient descent with L2
 * regularisation (weights kept as {@code scale × v} so the decay costs O(1) per step) and the
 * learning-rate schedule η / (1 + ηλt) (Bottou, "Stochastic Gradient Descent Tricks", 2012).
 */
final class SoftmaxRegression {

    /** Training settings. */
    record Settings(int epochs, double learningRate, double l2) {

        static Settings defaults() {
            return new Settings(12, 0.5, 1e-6);
        }
    }

    private final int features;
    private final int classes;
    private final float[] weights;
    private final float[] bias;

    SoftmaxRegression(int features, int classes, float[] weights, float[] bias) {
        this.features = features;
        this.classes = classes;
        this.weights = weights;
        this.bias = bias;
    }

    static SoftmaxRegression train(List<SparseVector> x, int[] y, int features, int classes, Settings settings, long seed) {
        float[] v = new float[features * classes];
        float[] bias = new float[classes];
        int[] order = new int[x.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        double scale = 1;
        long step = 0;
        double[] z = new double[classes];
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            for (int i : order) {
                double eta = settings.learningRate() / (1 + settings.learningRate() * settings.l2() * step++);
                SparseVector row = x.get(i);
                scores(v, bias, scale, row, z);
                softmaxInPlace(z);
                z[y[i]] -= 1;
                scale *= 1 - eta * settings.l2();
                double factor = eta / scale;
                int[] idx = row.indices();
                float[] val = row.values();
                for (int c = 0; c < classes; c++) {
                    double g = z[c];
                    if (Math.abs(g) < 1e-5) {
                        continue;
                    }
                    bias[c] -= (float) (eta * g);
                    float delta = (float) (factor * g);
                    for (int k = 0; k < idx.length; k++) {
                        v[idx[k] * classes + c] -= delta * val[k];
                    }
                }
                if (scale < 1e-6) {
                    rescale(v, scale);
                    scale = 1;
                }
            }
        }
        rescale(v, scale);
        return new SoftmaxRegression(features, classes, v, bias);
    }

    /** Raw class scores (logits) for one row. */
    double[] logits(SparseVector row) {
        double[] z = new double[classes];
        scores(weights, bias, 1, row, z);
        return z;
    }

    int features() {
        return features;
    }

    int classes() {
        return classes;
    }

    float[] weights() {
        return weights;
    }

    float[] bias() {
        return bias;
    }

    private static void scores(float[] v, float[] bias, double scale, SparseVector row, double[] z) {
        int classes = z.length;
        java.util.Arrays.fill(z, 0);
        int[] idx = row.indices();
        float[] val = row.values();
        for (int k = 0; k < idx.length; k++) {
            int base = idx[k] * classes;
            float xv = val[k];
            for (int c = 0; c < classes; c++) {
                z[c] += v[base + c] * xv;
            }
        }
        for (int c = 0; c < classes; c++) {
            z[c] = z[c] * scale + bias[c];
        }
    }

    static void softmaxInPlace(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] /= sum;
        }
    }

    static void logSoftmaxInPlace(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        double log = max + Math.log(sum);
        for (int c = 0; c < z.length; c++) {
            z[c] -= log;
        }
    }

    private static void rescale(float[] v, double scale) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= (float) scale;
        }
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
