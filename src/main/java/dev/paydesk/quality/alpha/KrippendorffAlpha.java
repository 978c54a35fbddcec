package dev.paydesk.quality.alpha;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Krippendorff's alpha over reliability data (observers x units, {@code null} = missing), computed
 * through the coincidence matrix as in K. Krippendorff, "Computing Krippendorff's Alpha-Reliability"
 * (2011, repository.upenn.edu/asc_papers/43): o_ck = sum over units of pairs (c,k) / (m_u - 1),
 * alpha = 1 - (n.. - 1) * sum o_ck delta²_ck / sum n_c n_k delta²_ck. Units with fewer than two values
 * are not pairable and are left out.
 */
public final class KrippendorffAlpha {

    private KrippendorffAlpha() {
    }

    /** Values as text; numeric levels parse them as numbers. */
    public static AlphaResult compute(List<List<@Nullable String>> data, Level level) {
        if (data.isEmpty()) {
            throw new AlphaException("no ratings: the data has no rows");
        }
        int width = data.getFirst().size();
        for (int r = 0; r < data.size(); r++) {
            if (data.get(r).size() != width) {
                throw new AlphaException("ragged data: row " + (r + 1) + " has " + data.get(r).size()
                        + " ratings, row 1 has " + width);
            }
        }
        List<Value> domain = new ArrayList<>();
        TreeMap<Value, Integer> index = new TreeMap<>();
        List<List<Value>> units = new ArrayList<>();
        for (int u = 0; u < width; u++) {
            List<Value> values = new ArrayList<>();
            for (int r = 0; r < data.size(); r++) {
                String cell = data.get(r).get(u);
                if (cell != null && !cell.isBlank()) {
                    values.add(Value.of(cell.trim(), level, r + 1, u + 1));
                }
            }
            if (values.size() >= 2) {
                units.add(values);
                values.forEach(v -> index.putIfAbsent(v, 0));
            }
        }
        if (units.isEmpty()) {
            throw new AlphaException("no pairable values: no unit is rated by two or more reviewers");
        }
        domain.addAll(index.keySet());
        for (int i = 0; i < domain.size(); i++) {
            index.put(domain.get(i), i);
        }
        int v = domain.size();
        double[][] o = new double[v][v];
        int n = 0;
        for (List<Value> unit : units) {
            int m = unit.size();
            n += m;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        o[index.get(unit.get(i))][index.get(unit.get(j))] += 1.0 / (m - 1);
                    }
                }
            }
        }
        double[] nc = new double[v];
        for (int c = 0; c < v; c++) {
            for (int k = 0; k < v; k++) {
                nc[c] += o[c][k];
            }
        }
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < v; c++) {
            for (int k = 0; k < v; k++) {
                double d = delta2(level, domain, nc, c, k);
                observed += o[c][k] * d;
                expected += nc[c] * nc[k] * d;
            }
        }
        if (expected == 0) {
            throw new AlphaException("no variation: every pairable value is the same, alpha is undefined");
        }
        double alpha = 1 - (n - 1) * observed / expected;
        return new AlphaResult(alpha, units.size(), n, observed / n, expected / ((double) n * (n - 1)));
    }

    private static double delta2(Level level, List<Value> domain, double[] nc, int c, int k) {
        if (c == k) {
            return 0;
        }
        return switch (level) {
            case NOMINAL -> 1;
            case ORDINAL -> {
                int lo = Math.min(c, k);
                int hi = Math.max(c, k);
                double sum = 0;
                for (int g = lo; g <= hi; g++) {
                    sum += nc[g];
                }
                double d = sum - (nc[c] + nc[k]) / 2;
                yield d * d;
            }
            case INTERVAL -> {
                double d = domain.get(c).number - domain.get(k).number;
                yield d * d;
            }
            case RATIO -> {
                double a = domain.get(c).number;
                double b = domain.get(k).number;
                double d = (a - b) / (a + b);
                yield a + b == 0 ? 0 : d * d;
            }
        };
    }

    /** One rating: a number at numeric levels, a label at the nominal level. */
    private record Value(String label, double number) implements Comparable<Value> {

        private static final Comparator<Value> ORDER = Comparator.comparingDouble(Value::number)
                .thenComparing(Value::label);

        static Value of(String text, Level level, int row, int column) {
            if (!level.numeric()) {
                return new Value(text, 0);
            }
            try {
                double number = Double.parseDouble(text);
                if (!Double.isFinite(number)) {
                    throw new NumberFormatException(text);
                }
                if (level == Level.RATIO && number < 0) {
                    throw new AlphaException("negative rating '" + text + "' in row " + row + ", column " + column
                            + ": the ratio level needs values of zero or more");
                }
                return new Value(level == Level.NOMINAL ? text : Double.toString(number), number);
            } catch (NumberFormatException e) {
                throw new AlphaException("non-numeric rating '" + text + "' in row " + row + ", column " + column
                        + ": the " + level.name().toLowerCase(java.util.Locale.ROOT) + " level needs numbers");
            }
        }

        @Override
        public int compareTo(Value other) {
            return ORDER.compare(this, other);
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Value other && compareTo(other) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(label, number);
        }
    }
}
