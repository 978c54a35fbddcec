package dev.paydesk.triage.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexical features: word 1–2-grams and character 3–5-grams inside word boundaries, sublinear term
 * frequency (1 + ln tf), smoothed idf, each block L2-normalised. Character n-grams make it robust to
 * typos and inflection in any alphabet language.
 */
final class TfidfVectorizer {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    static final int MIN_N = 3;
    static final int MAX_N = 5;

    private final Map<String, Integer> vocabulary;
    private final float[] idf;
    private final int wordFeatures;

    TfidfVectorizer(List<String> terms, float[] idf, int wordFeatures) {
        this.vocabulary = new HashMap<>(terms.size() * 2);
        for (int i = 0; i < terms.size(); i++) {
            vocabulary.put(terms.get(i), i);
        }
        this.idf = idf;
        this.wordFeatures = wordFeatures;
    }

    /** Learns the vocabulary: terms in at least {@code minDf} texts, at most {@code maxFeatures} per block. */
    static TfidfVectorizer fit(List<String> texts, int minDf, int maxFeatures) {
        Map<String, Integer> df = new HashMap<>();
        for (String text : texts) {
            for (String term : termCounts(text).keySet()) {
                df.merge(term, 1, Integer::sum);
            }
        }
        List<String> words = select(df, true, minDf, maxFeatures);
        List<String> chars = select(df, false, minDf, maxFeatures);
        List<String> terms = new ArrayList<>(words);
        terms.addAll(chars);
        float[] idf = new float[terms.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = (float) (Math.log((1.0 + texts.size()) / (1.0 + df.get(terms.get(i)))) + 1.0);
        }
        return new TfidfVectorizer(terms, idf, words.size());
    }

    private static List<String> select(Map<String, Integer> df, boolean words, int minDf, int max) {
        return df.entrySet().stream()
                .filter(e -> e.getKey().charAt(0) == 'w' == words && e.getValue() >= minDf)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(max).map(Map.Entry::getKey).sorted(Comparator.naturalOrder()).toList();
    }

    int features() {
        return idf.length;
    }

    /** The terms in index order (for saving). */
    List<String> terms() {
        String[] terms = new String[idf.length];
        vocabulary.forEach((term, index) -> terms[index] = term);
        return List.of(terms);
    }

    float[] idf() {
        return idf;
    }

    int wordFeatures() {
        return wordFeatures;
    }

    SparseVector transform(String text) {
        Map<Integer, Integer> counts = new HashMap<>();
        termCounts(text).forEach((term, count) -> {
            Integer index = vocabulary.get(term);
            if (index != null) {
                counts.put(index, count);
            }
        });
        int[] indices = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        float[] values = new float[indices.length];
        double wordNorm = 0;
        double charNorm = 0;
        for (int k = 0; k < indices.length; k++) {
            double v = (1.0 + Math.log(counts.get(indices[k]))) * idf[indices[k]];
            values[k] = (float) v;
            if (indices[k] < wordFeatures) {
                wordNorm += v * v;
            } else {
                charNorm += v * v;
            }
        }
        wordNorm = Math.sqrt(wordNorm);
        charNorm = Math.sqrt(charNorm);
        for (int k = 0; k < indices.length; k++) {
            double norm = indices[k] < wordFeatures ? wordNorm : charNorm;
            values[k] = norm > 0 ? (float) (values[k] / norm) : 0f;
        }
        return new SparseVector(indices, values);
    }

    /** Word unigrams ({@code w:}), word bigrams ({@code w:a b}) and char n-grams ({@code c:}). */
    static Map<String, Integer> termCounts(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            tokens.add(m.group());
        }
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            counts.merge("w:" + token, 1, Integer::sum);
            if (i + 1 < tokens.size()) {
                counts.merge("w:" + token + " " + tokens.get(i + 1), 1, Integer::sum);
            }
            String padded = " " + token + " ";
            for (int n = MIN_N; n <= MAX_N; n++) {
                for (int s = 0; s + n <= padded.length(); s++) {
                    counts.merge("c:" + padded.substring(s, s + n), 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
