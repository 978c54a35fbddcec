package dev.paydesk.privacy;

import java.util.List;
import java.util.Map;

/**
 * What one module holds about a subject: records as JSON-ready maps by section, and files.
 */
public record Exported(Map<String, List<Map<String, Object>>> records, List<File> files) {

    public Exported {
        records = Map.copyOf(records);
        files = List.copyOf(files);
    }

    public static Exported empty() {
        return new Exported(Map.of(), List.of());
    }

    /**
     * Database rows as plain JSON-ready values: timestamps as ISO instants, arrays as lists, ids and
     * other driver types as text; binary columns are left out (they go into the export as files).
     */
    public static List<Map<String, Object>> plain(List<Map<String, Object>> rows) {
        return rows.stream().map(Exported::plainRow).toList();
    }

    private static Map<String, Object> plainRow(Map<String, Object> row) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        row.forEach((k, v) -> {
            if (v instanceof byte[]) {
                return;
            }
            out.put(k, plainValue(v));
        });
        return out;
    }

    private static @org.jspecify.annotations.Nullable Object plainValue(@org.jspecify.annotations.Nullable Object v) {
        try {
            return switch (v) {
                case null -> null;
                case java.sql.Timestamp t -> t.toInstant().toString();
                case java.sql.Array a -> java.util.Arrays.stream((Object[]) a.getArray()).map(Exported::plainValue).toList();
                case Number n -> n;
                case Boolean b -> b;
                case String s -> s;
                default -> v.toString();
            };
        } catch (java.sql.SQLException e) {
            return v.toString();
        }
    }

    /** A file, e.g. a case attachment, placed in the export under {@code path}. */
    public record File(String path, String contentType, byte[] content) {
    }
}
