package dev.paydesk.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * What a list page was asked for: page (from 0), page size, sort key and direction, a search text, and the
 * page's other query parameters (its filters, kept in every pager and sort link). Built leniently from the
 * request by platform's web layer (a bad number becomes the default, never a 500); a sort key the list
 * does not offer is ignored and reported by {@link ListPage#unknownSort()}.
 */
public record ListQuery(int page, int size, @Nullable String sort, boolean desc, @Nullable String q,
                        Map<String, List<String>> filters) {

    public static final int DEFAULT_SIZE = 50;
    public static final Set<Integer> SIZES = Set.of(25, 50, 100, 200);
    public static final int MAX_SIZE = 200;

    public ListQuery {
        page = Math.max(0, page);
        size = size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        sort = sort == null || sort.isBlank() ? null : sort.strip();
        q = q == null || q.isBlank() ? null : q.strip();
        filters = Map.copyOf(filters);
    }

    public static ListQuery first() {
        return new ListQuery(0, DEFAULT_SIZE, null, false, null, Map.of());
    }

    public long offset() {
        return (long) page * size;
    }

    /** The filter's single value, blank as null. */
    public @Nullable String filter(String name) {
        List<String> values = filters.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).strip();
    }

    /** True when the search text is empty or found, ignoring case, in any of the texts. */
    public boolean matches(@Nullable Object... texts) {
        return q == null || containsIgnoreCase(q, texts);
    }

    /** True when {@code needle} is blank or found, ignoring case, in any of the texts. */
    public static boolean containsIgnoreCase(@Nullable String needle, @Nullable Object... texts) {
        if (needle == null || needle.isBlank()) {
            return true;
        }
        String n = needle.strip().toLowerCase(Locale.ROOT);
        for (Object t : texts) {
            if (t != null && t.toString().toLowerCase(Locale.ROOT).contains(n)) {
                return true;
            }
        }
        return false;
    }

    /** True when the filter is empty or equals the value, ignoring case. */
    public boolean is(String filter, @Nullable Object value) {
        String wanted = filter(filter);
        return wanted == null || (value != null && value.toString().equalsIgnoreCase(wanted));
    }

    /**
     * Sorts and cuts rows already filtered in memory. {@code sorts} names the sortable columns; the
     * default order is the rows' own.
     */
    public <T> ListPage<T> page(List<T> rows, Map<String, Comparator<T>> sorts) {
        Comparator<T> comparator = sort == null ? null : sorts.get(sort);
        List<T> sorted = rows;
        if (comparator != null) {
            sorted = rows.stream().sorted(desc ? comparator.reversed() : comparator).toList();
        }
        int from = (int) Math.min(offset(), sorted.size());
        int to = (int) Math.min(offset() + size, sorted.size());
        return new ListPage<>(sorted.subList(from, to), sorted.size(), this, sorts.keySet());
    }

    /**
     * An SQL {@code order by} body for the requested sort, from the list's allowed columns (key → SQL
     * expression); the default when the key is unknown. Only allowed expressions ever reach the SQL.
     */
    public String orderBy(Map<String, String> columns, String defaultOrder) {
        String column = sort == null ? null : columns.get(sort);
        return column == null ? defaultOrder : column + (desc ? " desc" : " asc") + " nulls last";
    }

    /** Comparator helper: natural order of a possibly-null key, nulls last. */
    public static <T, U extends Comparable<? super U>> Comparator<T> by(Function<T, @Nullable U> key) {
        return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    /** Comparator helper: text ignoring case, nulls last. */
    public static <T> Comparator<T> byText(Function<T, @Nullable Object> key) {
        return Comparator.comparing(t -> {
            Object v = key.apply(t);
            return v == null ? null : v.toString().toLowerCase(Locale.ROOT);
        }, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    /** The query string for these filters with another page, sort and direction ("?a=b&page=2"). */
    public String href(int toPage, @Nullable String toSort, boolean toDesc) {
        Map<String, List<String>> params = new LinkedHashMap<>(filters);
        if (q != null) {
            params.put("q", List.of(q));
        }
        if (toSort != null) {
            params.put("sort", List.of(toSort));
            params.put("dir", List.of(toDesc ? "desc" : "asc"));
        }
        if (size != DEFAULT_SIZE) {
            params.put("size", List.of(Integer.toString(size)));
        }
        if (toPage > 0) {
            params.put("page", List.of(Integer.toString(toPage)));
        }
        StringBuilder out = new StringBuilder("?");
        params.forEach((k, vs) -> vs.forEach(v -> out.append(out.length() > 1 ? "&" : "")
                .append(enc(k)).append('=').append(enc(v))));
        return out.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
