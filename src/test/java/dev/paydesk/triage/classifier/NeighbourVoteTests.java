package dev.paydesk.triage.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class NeighbourVoteTests {

    private static final float[] X = {1, 0};
    private static final float[] Y = {0, 1};

    @Test
    void addsTheLogVoteShareToTheRegressionsLogProbabilities() {
        // two training texts: X in category 0, Y in category 1; category 2 has none. τ = 0.5, weight 1.
        NeighbourVote vote = NeighbourVote.of(new float[][] {X, Y}, new int[] {0, 1}, 3, 0.5f, 1f);
        double[][] logits = {{0, 0, 0}};

        vote.addTo(new float[][] {X}, logits);

        // cosines 1 and 0 -> weights e^0 and e^((0 - 1) / 0.5) = e^-2; category 2 gets the floor 1e-8
        double share0 = 1 / (1 + Math.exp(-2));
        double share1 = Math.exp(-2) / (1 + Math.exp(-2));
        double uniform = -Math.log(3);
        assertThat(logits[0][0]).isCloseTo(uniform + Math.log(share0), offset(1e-9));
        assertThat(logits[0][1]).isCloseTo(uniform + Math.log(share1), offset(1e-9));
        assertThat(logits[0][2]).isCloseTo(uniform + Math.log(1e-8), offset(1e-9));
    }

    @Test
    void theWeightScalesTheVoteAndOnlyCloseNeighboursCount() {
        float[] nearX = {0.6f, 0.8f};
        NeighbourVote vote = NeighbourVote.of(new float[][] {X, nearX, Y}, new int[] {0, 1, 1}, 2, 0.01f, 2f);
        double[][] logits = {{Math.log(0.25), Math.log(0.75)}, {0, 0}};

        vote.addTo(new float[][] {X, Y}, logits);

        // query X: nearX (cosine 0.6) is more than 20 τ below the best, so only X votes: share 1 vs the floor
        assertThat(logits[0][0]).isCloseTo(Math.log(0.25), offset(1e-6));
        assertThat(logits[0][1]).isCloseTo(Math.log(0.75) + 2 * Math.log(1e-8), offset(1e-6));
        // query Y: only Y (category 1) is close
        assertThat(logits[1][1]).isCloseTo(-Math.log(2), offset(1e-6));
        assertThat(logits[1][0]).isCloseTo(-Math.log(2) + 2 * Math.log(1e-8), offset(1e-6));
    }

    @Test
    void manyQueriesScoreAsEachAlone() {
        float[][] train = new float[1_100][];
        int[] labels = new int[train.length];
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < train.length; i++) {
            train[i] = unit(random);
            labels[i] = i % 7;
        }
        NeighbourVote vote = NeighbourVote.of(train, labels, 7, 0.05f, 1f);
        float[][] queries = new float[40][];
        double[][] batch = new double[40][7];
        for (int q = 0; q < queries.length; q++) {
            queries[q] = unit(random);
        }
        vote.addTo(queries, batch);
        for (int q = 0; q < queries.length; q++) {
            double[][] alone = new double[1][7];
            vote.addTo(new float[][] {queries[q]}, alone);
            assertThat(batch[q]).containsExactly(alone[0], offset(1e-9));
        }
    }

    @Test
    void blockedParallelScoringEqualsTheDefinitionComputedNaively() {
        // more rows than one chunk (512), more queries than one block (16), clustered so that several
        // neighbours of mixed categories fall inside the cut-off and some categories get no close neighbour
        java.util.Random random = new java.util.Random(11);
        int dims = 48;
        int classes = 9;
        float[][] centres = new float[30][];
        for (int c = 0; c < centres.length; c++) {
            centres[c] = unit(random, dims);
        }
        float[][] train = new float[1_300][];
        int[] labels = new int[train.length];
        for (int i = 0; i < train.length; i++) {
            int centre = random.nextInt(centres.length);
            train[i] = near(centres[centre], 0.15, random);
            labels[i] = random.nextDouble() < 0.7 ? centre % classes : random.nextInt(classes);
        }
        float temperature = 0.02f;
        NeighbourVote vote = NeighbourVote.of(train, labels, classes, temperature, 1.5f);
        float[][] queries = new float[53][];
        double[][] logits = new double[queries.length][classes];
        for (int q = 0; q < queries.length; q++) {
            queries[q] = near(centres[random.nextInt(centres.length)], 0.2, random);
            for (int c = 0; c < classes; c++) {
                logits[q][c] = random.nextGaussian();
            }
        }
        double[][] expected = new double[queries.length][];
        for (int q = 0; q < queries.length; q++) {
            expected[q] = naive(train, labels, classes, temperature, 1.5, queries[q], logits[q]);
        }

        vote.addTo(queries, logits);

        for (int q = 0; q < queries.length; q++) {
            assertThat(logits[q]).containsExactly(expected[q], offset(1e-4));
        }
    }

    /** The vote as defined, one training text at a time (vectors rounded to half precision as stored). */
    private static double[] naive(float[][] train, int[] labels, int classes, double tau, double weight, float[] query,
                                  double[] logits) {
        double[] cos = new double[train.length];
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < train.length; j++) {
            for (int d = 0; d < query.length; d++) {
                cos[j] += query[d] * Float.float16ToFloat(Float.floatToFloat16(train[j][d]));
            }
            best = Math.max(best, cos[j]);
        }
        double[] votes = new double[classes];
        double total = 0;
        for (int j = 0; j < train.length; j++) {
            if (cos[j] >= best - 20 * tau) {
                votes[labels[j]] += Math.exp((cos[j] - best) / tau);
                total += Math.exp((cos[j] - best) / tau);
            }
        }
        double max = java.util.Arrays.stream(logits).max().orElseThrow();
        double sum = java.util.Arrays.stream(logits).map(l -> Math.exp(l - max)).sum();
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            out[c] = logits[c] - max - Math.log(sum) + weight * Math.log(Math.max(1e-8, votes[c] / total));
        }
        return out;
    }

    private static float[] near(float[] centre, double spread, java.util.Random random) {
        float[] v = unit(random, centre.length);
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) (centre[d] + spread * v[d]);
        }
        return normalised(v);
    }

    private static float[] unit(java.util.Random random) {
        return unit(random, 24);
    }

    private static float[] unit(java.util.Random random, int dims) {
        float[] v = new float[dims];
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) random.nextGaussian();
        }
        return normalised(v);
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int d = 0; d < v.length; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
