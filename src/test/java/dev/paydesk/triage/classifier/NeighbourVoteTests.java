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

    private static float[] unit(java.util.Random random) {
        float[] v = new float[24];
        double norm = 0;
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) random.nextGaussian();
            norm += v[d] * v[d];
        }
        for (int d = 0; d < v.length; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
