package dev.paydesk.knowledge.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo articles for the demo markets and methods, in English with German translations, written by one
 * demo user and published by another (skipped when any article exists).
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "paydesk.demo.enabled", havingValue = "true")
class DemoKnowledgeData implements ApplicationRunner {

    private record Demo(String id, String audience, Tags tags, String title, String body, String titleDe, String bodyDe) {
    }

    private static Tags tags(List<String> markets, List<String> methods, List<String> providers, List<String> categories) {
        return new Tags(markets, methods, providers, categories, List.of(), List.of());
    }

    private static final List<Demo> ARTICLES = List.of(
            new Demo("klarna-refund-not-arrived", "CUSTOMER", tags(List.of(), List.of("KLARNA"), List.of("KLARNA"), List.of("refund.missing")),
                    "Klarna refund not arrived",
                    "Klarna credits a refund to the customer's Klarna account as soon as we confirm it; an invoice or instalment "
                            + "plan is reduced, a paid purchase is paid back within 5 business days.\n\n"
                            + "## Steps\n1. Find the refund on the order and its Klarna reference.\n2. If it is older than 5 business days, "
                            + "ask Klarna's merchant support with the reference.\n3. Tell the customer the date.",
                    "Klarna-Erstattung nicht angekommen",
                    "Klarna schreibt eine Erstattung dem Klarna-Konto des Kunden gut, sobald wir sie bestätigen; eine Rechnung "
                            + "oder Ratenzahlung wird verringert, ein bezahlter Kauf innerhalb von 5 Werktagen zurückgezahlt."),
            new Demo("sepa-direct-debit-return", "INTERNAL", tags(List.of("DE", "NL"), List.of("SEPA_DD"), List.of("ADYEN"), List.of("charge")),
                    "SEPA direct debit returned (Rücklastschrift)",
                    "A customer's bank can return a SEPA direct debit: within 8 weeks without reason, within 13 months if unauthorised.\n\n"
                            + "## Steps\n1. Read the return reason code (e.g. MD06, AM04).\n2. For AM04 (insufficient funds) retry once after 5 days.\n"
                            + "3. For MD06 ask the customer to pay by bank transfer.",
                    "SEPA-Lastschrift zurückgegeben (Rücklastschrift)",
                    "Die Bank des Kunden kann eine SEPA-Lastschrift zurückgeben: innerhalb von 8 Wochen ohne Grund, innerhalb von "
                            + "13 Monaten, wenn sie nicht autorisiert war. Rückgabegrund prüfen und Zahlung per Überweisung erbitten."),
            new Demo("card-chargeback-evidence", "INTERNAL", tags(List.of(), List.of("CARD"), List.of("ADYEN", "STRIPE"), List.of("dispute")),
                    "Answering a card chargeback",
                    "Collect proof of delivery, the order and the customer's messages, and submit them before the evidence due date "
                            + "shown on the dispute. Accept when the amount is below the cost of fighting.",
                    "Auf eine Kartenrückbuchung antworten",
                    "Liefernachweis, Bestellung und Nachrichten des Kunden sammeln und vor dem Fristende einreichen. Akzeptieren, "
                            + "wenn der Betrag unter den Kosten des Widerspruchs liegt."),
            new Demo("ideal-payment-failed", "CUSTOMER", tags(List.of("NL"), List.of("IDEAL"), List.of(), List.of("charge.declined")),
                    "iDEAL payment failed",
                    "If an iDEAL payment failed or was cancelled in the banking app, nothing was charged. The customer can pay again "
                            + "from the order page.",
                    "iDEAL-Zahlung fehlgeschlagen",
                    "Wenn eine iDEAL-Zahlung fehlgeschlagen ist oder in der Banking-App abgebrochen wurde, wurde nichts abgebucht."),
            new Demo("charged-twice", "CUSTOMER", tags(List.of(), List.of(), List.of(), List.of("charge.double")),
                    "Charged twice for one order",
                    "One of two debits is often only a reservation that disappears within 7 days. If both were captured, we refund "
                            + "the second one at once.",
                    "Doppelt belastet für eine Bestellung",
                    "Eine von zwei Belastungen ist oft nur eine Reservierung, die innerhalb von 7 Tagen verschwindet. Wurden beide "
                            + "eingezogen, erstatten wir die zweite sofort."));

    private final KnowledgeService knowledge;
    private final Articles articles;
    private final Clock clock;

    DemoKnowledgeData(KnowledgeService knowledge, Articles articles, Clock clock) {
        this.knowledge = knowledge;
        this.articles = articles;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!articles.page("id", 0, 1, null).isEmpty()) {
            return;
        }
        try {
            for (Demo d : ARTICLES) {
                as("demo-author");
                knowledge.create(new KnowledgeService.ArticleInput(d.id(), d.title(), d.body(), d.audience(), "en", "process.manager",
                        LocalDate.now(clock).plusMonths(6), d.tags()));
                knowledge.translate(d.id(), "de", d.titleDe(), d.bodyDe(), 1);
                as("demo-approver");
                knowledge.publish(d.id(), 1);
                knowledge.publishTranslation(d.id(), "de");
            }
            knowledge.replaceSynonyms(KnowledgeSearch.DEFAULT_TEAM, List.of(List.of("chargeback", "dispute", "rückbuchung"),
                    List.of("refund", "erstattung", "money back"), List.of("rücklastschrift", "return", "direct debit return")));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void as(String name) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                name, null, AuthorityUtils.createAuthorityList("ROLE_PROCESS_MANAGER")));
    }
}
