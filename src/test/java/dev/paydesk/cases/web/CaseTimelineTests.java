package dev.paydesk.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import dev.paydesk.cases.EntryKind;
import dev.paydesk.payments.TransactionKind;
import dev.paydesk.shared.Money;

/** The case page's timeline in words, read from the real bundles, without Spring's context. */
class CaseTimelineTests {

    private static final Instant AT = Instant.parse("2026-12-07T10:15:30Z");

    private final ResourceBundleMessageSource messages = bundles();

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private CaseTimeline.Line line(Locale locale, EntryKind kind, String author, Map<String, Object> data) {
        return new CaseTimeline(messages, locale, code -> code.equals("refund.missing") ? "Refund missing" : code)
                .line(new CaseTimeline.Row(AT, kind, author, null, data));
    }

    private static Map<String, Object> data(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void aStatusChangeReadsAsASentenceWithTranslatedValuesNeverTheConstants() {
        var en = line(Locale.ENGLISH, EntryKind.STATUS, "sam", data("status", "WAITING", "reason", "PROVIDER", "from", "OPEN"));
        assertThat(en.what()).isEqualTo("Status changed from Open to Waiting: waiting for the provider");
        assertThat(en.label()).isEqualTo("Status");
        assertThat(en.who()).isEqualTo("sam");
        var de = line(Locale.GERMAN, EntryKind.STATUS, "sam", data("status", "WAITING", "reason", "PROVIDER", "from", "OPEN"));
        assertThat(de.what()).isEqualTo("Status von Offen auf Wartend geändert: wartet auf den Anbieter");
    }

    @Test
    void priorityCategoryAndSystemAuthorsAreWordedInTheViewersLanguage() {
        assertThat(line(Locale.GERMAN, EntryKind.PRIORITY, "sam", data("priority", "URGENT", "previous", "NORMAL")).what())
                .isEqualTo("Priorität von Normal auf Dringend geändert");
        var category = line(Locale.ENGLISH, EntryKind.CATEGORY, "triage", data("category", "refund.missing", "previous", "", "by", "classifier"));
        assertThat(category.what()).isEqualTo("Category Refund missing suggested by the classifier");
        assertThat(line(Locale.GERMAN, EntryKind.CLOCK_BREACHED, "system", data("clock", "FIRST_RESPONSE",
                "dueAt", "2026-12-07T09:00:00Z")).who()).isEqualTo("Paydesk");
        assertThat(line(Locale.GERMAN, EntryKind.CLOCK_BREACHED, "system", data("clock", "FIRST_RESPONSE",
                "dueAt", "2026-12-07T09:00:00Z")).what()).isEqualTo("Erste Antwort überschritten (fällig 07.12.2026 09:00:00)");
    }

    @Test
    void moneyAmountsUseTheLocalesDecimalComma() {
        var de = line(Locale.GERMAN, EntryKind.MONEY_REQUESTED, "anna", data("type", "REFUND", "amount", "1234.50 EUR",
                "status", "PENDING_APPROVAL"));
        assertThat(de.what()).isEqualTo("Erstattung über 1.234,50 EUR angefragt: Wartet auf Genehmigung");
        var payment = line(Locale.ENGLISH, EntryKind.PAYMENT, "Adyen", data("order", "ORD-1", "movement", TransactionKind.REFUND,
                "status", "settled", "amount", Money.of(1250, "EUR"), "reference", "psp-1", "net after", Money.of(0, "EUR")));
        assertThat(payment.what()).isEqualTo("Refund of 12.50 EUR on order ORD-1: settled (reference psp-1); net afterwards 0.00 EUR");
    }

    @Test
    void everyKindHasAnIconALabelAndASentenceInBothLanguages() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            for (EntryKind kind : EnumSet.allOf(EntryKind.class)) {
                var l = line(locale, kind, "sam", Map.of());
                assertThat(l.icon()).as(kind.name()).isNotBlank();
                assertThat(l.label()).as(kind + " label").doesNotContain("_").isNotEqualTo(kind.name());
                assertThat(messages.getMessage("enum.EntryKind." + kind.name(), null, null, locale)).as(kind + " key").isNotNull();
                if (l.what() != null) {
                    assertThat(l.what()).as(kind + " sentence").doesNotStartWith("case.what");
                }
            }
        }
    }

    @Test
    void anUnknownValueIsShownAsItIsRatherThanFailing() {
        assertThat(line(Locale.ENGLISH, EntryKind.STATUS, "sam", data("status", "SOMETHING_NEW", "from", "OPEN")).what())
                .isEqualTo("Status changed from Open to SOMETHING_NEW");
    }
}
