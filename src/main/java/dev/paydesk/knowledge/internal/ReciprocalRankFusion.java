package dev.paydesk.knowledge.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): a document's score is the sum of
 * 1 / (k + rank) over the rankings it appears in, with k = 60 as in the paper. Needs no comparable
 * scores, so full-text ranks and cosine ranks can be fused directly.
 */
public final class ReciprocalRankFusion {

    public static final int K = 60;

    private ReciprocalRankFusion() {
    }

    public record Fused<T>(T item, double score) {
    }

    @SafeVarargs
    public static <T> List<Fused<T>> fuse(List<T>... rankings) {
        double[] weights = new double[rankings.length];
        java.util.Arrays.fill(weights, 1.0);
        return fuse(weights, rankings);
    }

    /** Weighted fusion: each ranking's contributions are multiplied by its weight. */
    @SafeVarargs
    public static <T> List<Fused<T>> fuse(double[] weights, List<T>... rankings) {
        Map<T, Double> scores = new LinkedHashMap<>();
        for (int r = 0; r < rankings.length; r++) {
            List<T> ranking = rankings[r];
            for (int rank = 0; rank < ranking.size(); rank++) {
                scores.merge(ranking.get(rank), weights[r] / (K + rank + 1), Double::sum);
            }
        }
        List<Fused<T>> fused = new ArrayList<>();
        scores.forEach((item, score) -> fused.add(new Fused<>(item, score)));
        fused.sort(Comparator.comparingDouble((Fused<T> f) -> f.score()).reversed());
        return fused;
    }
}
