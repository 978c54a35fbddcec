package dev.paydesk.shared;

import java.util.List;
import java.util.Set;

/**
 * One page of a list with the total and the query that produced it; the shared pager and sortable header
 * fragment ({@code fragments/list.html}) render from it.
 *
 * @param sortable the sort keys the list offers
 */
public record ListPage<T>(List<T> items, long total, ListQuery query, Set<String> sortable) {

    public ListPage {
        items = List.copyOf(items);
        sortable = Set.copyOf(sortable);
    }

    /** Rows fetched with SQL {@code limit/offset} and a separate count. */
    public static <T> ListPage<T> of(List<T> items, long total, ListQuery query, Set<String> sortable) {
        return new ListPage<>(items, total, query, sortable);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public long pages() {
        return Math.max(1, (total + query.size() - 1) / query.size());
    }

    public boolean hasPrevious() {
        return query.page() > 0;
    }

    public boolean hasNext() {
        return query.offset() + items.size() < total;
    }

    public long from() {
        return items.isEmpty() ? 0 : query.offset() + 1;
    }

    public long to() {
        return query.offset() + items.size();
    }

    /** A sort key was asked for that this list does not offer (the default order was used). */
    public boolean unknownSort() {
        return query.sort() != null && !sortable.contains(query.sort());
    }

    public boolean sortedBy(String key) {
        return key.equals(query.sort());
    }

    /** aria-sort value of a column header. */
    public String ariaSort(String key) {
        return !sortedBy(key) ? "none" : query.desc() ? "descending" : "ascending";
    }

    public String previousHref() {
        return query.href(query.page() - 1, query.sort(), query.desc());
    }

    public String nextHref() {
        return query.href(query.page() + 1, query.sort(), query.desc());
    }

    public String firstHref() {
        return query.href(0, query.sort(), query.desc());
    }

    public String lastHref() {
        return query.href((int) pages() - 1, query.sort(), query.desc());
    }

    /** The link of a column header: ascending first, the other direction when already sorted by it. */
    public String sortHref(String key) {
        return query.href(0, key, sortedBy(key) && !query.desc());
    }

    /** The link that keeps everything but the page size. */
    public String sizeHref(int size) {
        ListQuery other = new ListQuery(0, size, query.sort(), query.desc(), query.q(), query.filters());
        return other.href(0, query.sort(), query.desc());
    }
}
