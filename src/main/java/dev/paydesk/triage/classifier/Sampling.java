package dev.paydesk.triage.classifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded few-shot sampling and stratified folds. */
public final class Sampling {

    private Sampling() {
    }

    /** K examples per category (all of a category with fewer), drawn with the seed. */
    public static List<LabelledText> shots(List<LabelledText> data, int k, long seed) {
        Random random = new Random(seed);
        List<LabelledText> picked = new ArrayList<>();
        for (List<Integer> rows : byCategory(data).values()) {
            List<Integer> shuffled = new ArrayList<>(rows);
            Collections.shuffle(shuffled, random);
            shuffled.stream().limit(k).forEach(i -> picked.add(data.get(i)));
        }
        return picked;
    }

    /** Fold number (0..k-1) per row, each category spread evenly over the folds. */
    public static int[] stratifiedFolds(List<LabelledText> data, int k, long seed) {
        Random random = new Random(seed);
        int[] fold = new int[data.size()];
        int offset = 0;
        for (List<Integer> rows : byCategory(data).values()) {
            List<Integer> shuffled = new ArrayList<>(rows);
            Collections.shuffle(shuffled, random);
            for (int j = 0; j < shuffled.size(); j++) {
                fold[shuffled.get(j)] = (offset + j) % k;
            }
            offset += shuffled.size();
        }
        return fold;
    }

    private static Map<String, List<Integer>> byCategory(List<LabelledText> data) {
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            rows.computeIfAbsent(data.get(i).category(), c -> new ArrayList<>()).add(i);
        }
        return rows;
    }
}
