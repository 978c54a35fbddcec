package dev.paydesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ListQueryTests {

    private static final Map<String, Comparator<String>> SORTS = Map.of("text", ListQuery.byText(s -> s));

    private static ListQuery query(int page, int size, String sort, boolean desc, String q) {
        return new ListQuery(page, size, sort, desc, q, Map.of("market", List.of("de")));
    }

    @Test
    void pagesBothWaysWithTheTotalAndKeepsTheFilters() {
        List<String> rows = List.of("e", "b", "d", "a", "c");
        ListPage<String> second = query(1, 2, "text", false, null).page(rows, SORTS);
        assertThat(second.items()).containsExactly("c", "d");
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.pages()).isEqualTo(3);
        assertThat(second.from()).isEqualTo(3);
        assertThat(second.to()).isEqualTo(4);
        assertThat(second.hasPrevious()).isTrue();
        assertThat(second.hasNext()).isTrue();
        assertThat(second.previousHref()).isEqualTo("?market=de&sort=text&dir=asc&size=2");
        assertThat(second.nextHref()).isEqualTo("?market=de&sort=text&dir=asc&size=2&page=2");
        assertThat(second.sortHref("text")).isEqualTo("?market=de&sort=text&dir=desc&size=2");
        assertThat(second.ariaSort("text")).isEqualTo("ascending");
    }

    @Test
    void descendingReversesAndTheLastPageHasNoNext() {
        ListPage<String> last = query(2, 2, "text", true, null).page(List.of("a", "b", "c", "d", "e"), SORTS);
        assertThat(last.items()).containsExactly("a");
        assertThat(last.hasNext()).isFalse();
    }

    @Test
    void anUnknownSortKeepsTheRowsOrderAndIsReportedAndNeverReachesSql() {
        ListQuery bad = query(0, 50, "amount; drop table x", false, null);
        assertThat(bad.page(List.of("b", "a"), SORTS).items()).containsExactly("b", "a");
        assertThat(bad.page(List.of("b", "a"), SORTS).unknownSort()).isTrue();
        assertThat(bad.orderBy(Map.of("amount", "amount_minor"), "seq desc")).isEqualTo("seq desc");
        assertThat(query(0, 50, "amount", true, null).orderBy(Map.of("amount", "amount_minor"), "seq desc"))
                .isEqualTo("amount_minor desc nulls last");
    }

    @Test
    void searchAndFiltersIgnoreCase() {
        ListQuery q = query(0, 50, null, false, "ADYEN");
        assertThat(q.matches("adyen-eu", null)).isTrue();
        assertThat(q.matches("stripe")).isFalse();
        assertThat(q.is("market", "DE")).isTrue();
        assertThat(q.is("market", "FR")).isFalse();
        assertThat(q.is("provider", "anything")).isTrue();
    }

    @Test
    void sizesAreClampedAndAPageBeyondTheEndIsEmpty() {
        assertThat(query(-1, 100_000, null, false, null).size()).isEqualTo(ListQuery.MAX_SIZE);
        assertThat(query(-1, 0, null, false, null).page()).isZero();
        assertThat(query(9, 2, null, false, null).page(List.of("a"), SORTS).items()).isEmpty();
    }
}
