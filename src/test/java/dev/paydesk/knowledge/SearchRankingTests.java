package dev.paydesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.paydesk.knowledge.internal.SearchIndex;
import dev.paydesk.knowledge.internal.SearchIndex.Document;
import dev.paydesk.knowledge.internal.SearchIndex.Filters;
import dev.paydesk.knowledge.internal.SearchIndex.Mode;

/**
 * Ranking on a small fixture in English and German, in a corpus of its own through the same search
 * the API uses: stemming per language, synonyms across languages, semantic matches for paraphrases,
 * filters.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRankingTests {

    @Autowired
    SearchIndex index;

    private final String corpus = "test-" + UUID.randomUUID();
    private static final List<List<String>> SYNONYMS = List.of(List.of("chargeback", "dispute", "rückbuchung"));

    private static Document doc(String id, String language, String title, String body, List<String> markets, List<String> methods) {
        return new Document(id, language, "INTERNAL", title, body, markets, methods, List.of(), List.of());
    }

    @BeforeAll
    void fixture() {
        index.put(corpus, List.of(
                doc("refund-missing", "en", "Refund not arrived",
                        "The customer says the refund has not arrived. Check the refund status at the PSP and the settlement date; "
                                + "card refunds take five to ten business days to reach the account.", List.of(), List.of()),
                doc("chargeback-evidence", "en", "Answering a chargeback",
                        "Collect delivery proof and the customer's order history, then submit evidence before the due date.",
                        List.of(), List.of("CARD")),
                doc("card-declined", "en", "Card payment declined",
                        "The bank declined the payment. Ask the customer to contact the issuer or try another card.", List.of(), List.of("CARD")),
                doc("ideal-failed", "en", "iDEAL payment failed",
                        "An iDEAL payment that failed at the bank can be retried; nothing was charged.", List.of("NL"), List.of("IDEAL")),
                doc("rueckbuchung", "de", "Rückbuchungen bei Lastschriften",
                        "Wenn die Bank eine SEPA-Lastschrift zurückbucht, prüfen wir den Rückgabegrund und mahnen den Betrag an.",
                        List.of("DE"), List.of("SEPA_DD")),
                doc("erstattung", "de", "Erstattung nicht angekommen",
                        "Der Kunde hat die Erstattung nicht erhalten. Prüfen Sie den Status der Erstattungen beim Zahlungsdienstleister.",
                        List.of("DE"), List.of())));
    }

    @AfterAll
    void cleanUp() {
        index.dropCorpus(corpus);
    }

    private List<String> ids(String query, Filters filters, Mode mode) {
        return index.search(corpus, query, filters, SYNONYMS, 3, false, mode).stream().map(SearchIndex.Hit::articleId).toList();
    }

    @Test
    void germanStemmingFindsInflectedWords() {
        // "Rückbuchung" (query) vs "Rückbuchungen" (title), "Erstattungen" (body) vs "Erstattung": the german dictionary
        assertThat(ids("Rückbuchung Lastschrift", Filters.NONE, Mode.FULL_TEXT)).first().isEqualTo("rueckbuchung");
        assertThat(ids("Erstattungen fehlen", Filters.NONE, Mode.FULL_TEXT)).first().isEqualTo("erstattung");
    }

    @Test
    void englishStemmingAndRankingPutTheBestArticleFirst() {
        assertThat(ids("refunds not arriving", Filters.NONE, Mode.HYBRID)).first().isEqualTo("refund-missing");
        assertThat(ids("declined card payment", Filters.NONE, Mode.HYBRID)).first().isEqualTo("card-declined");
    }

    @Test
    void teamSynonymsCrossWordsAndLanguages() {
        assertThat(ids("dispute", Filters.NONE, Mode.FULL_TEXT)).contains("chargeback-evidence", "rueckbuchung");
    }

    @Test
    void semanticSearchFindsAParaphraseWithoutSharedWords() {
        assertThat(ids("my money back never showed up", Filters.NONE, Mode.FULL_TEXT)).doesNotContain("refund-missing");
        assertThat(ids("my money back never showed up", new Filters(null, "en", null, null, null), Mode.HYBRID))
                .first().isEqualTo("refund-missing");
    }

    @Test
    void filtersKeepOtherMarketsMethodsAndLanguagesOut() {
        assertThat(ids("payment failed bank", new Filters("DE", null, null, null, null), Mode.HYBRID)).doesNotContain("ideal-failed");
        assertThat(ids("payment failed bank", new Filters("NL", null, "IDEAL", null, null), Mode.HYBRID)).first().isEqualTo("ideal-failed");
        assertThat(ids("Erstattung", new Filters(null, "en", null, null, null), Mode.HYBRID)).doesNotContain("erstattung");
    }

    @Test
    void typingMatchesTheLastWordAsAPrefix() {
        assertThat(ids("chargeb", Filters.NONE, Mode.FULL_TEXT)).doesNotContain("chargeback-evidence");
        assertThat(index.search(corpus, "chargeb", Filters.NONE, List.of(), 3, true, Mode.FULL_TEXT))
                .extracting(SearchIndex.Hit::articleId).first().isEqualTo("chargeback-evidence");
    }
}
