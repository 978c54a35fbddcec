package dev.paydesk.knowledge.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** PostgreSQL array literals for binding and reading back, without a connection at hand. */
final class Pg {

    private Pg() {
    }

    static String array(List<String> values) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }

    static String array(float[] values) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.7g", values[i]));
        }
        return sb.append('}').toString();
    }

    static List<String> strings(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return java.util.Arrays.stream(values).map(String::valueOf).toList();
    }
}
