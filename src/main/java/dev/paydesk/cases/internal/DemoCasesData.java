package dev.paydesk.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseSettings;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.NewCase;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.payments.OrderTimeline;
import dev.paydesk.payments.PaymentQueries;
import dev.paydesk.payments.TransactionKind;

/**
 * Demo cases: a few hundred cases in the customers' languages about the demo merchant's broken
 * payments (failed refunds, double captures, chargebacks, declines), spread over the last two weeks
 * in every state, with agents, skills, macros, SOPs and a few surveys answered. Seeded once.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "paydesk.demo.enabled", havingValue = "true")
class DemoCasesData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCasesData.class);
    private static final String[][] MARKETS = {
            {"DE", "de", "1", "1200"}, {"FR", "fr", "1201", "500"}, {"NL", "nl", "1701", "500"}, {"IT", "it", "2201", "500"},
            {"ES", "es", "2701", "500"}, {"PL", "pl", "3201", "500"}, {"SE", "sv", "3701", "500"}};
    private static final Map<String, Map<String, String>> SUBJECTS = Map.of(
            "refund.missing", Map.of("de", "Erstattung nicht erhalten", "fr", "Remboursement non reçu", "nl", "Terugbetaling niet ontvangen",
                    "it", "Rimborso non ricevuto", "es", "Reembolso no recibido", "pl", "Nie otrzymałem zwrotu", "sv", "Återbetalning har inte kommit"),
            "charge.double", Map.of("de", "Zweimal abgebucht", "fr", "Débité deux fois", "nl", "Twee keer afgeschreven",
                    "it", "Addebitato due volte", "es", "Cobrado dos veces", "pl", "Pobrano dwa razy", "sv", "Dragit pengar två gånger"),
            "dispute", Map.of("de", "Rückbuchung meiner Bank", "fr", "Contestation auprès de ma banque", "nl", "Terugboeking via mijn bank",
                    "it", "Contestazione con la banca", "es", "Disputa con mi banco", "pl", "Reklamacja w banku", "sv", "Bestridande via banken"),
            "charge.declined", Map.of("de", "Zahlung abgelehnt, aber Geld reserviert", "fr", "Paiement refusé mais montant bloqué",
                    "nl", "Betaling geweigerd maar bedrag gereserveerd", "it", "Pagamento rifiutato ma importo bloccato",
                    "es", "Pago rechazado pero importe retenido", "pl", "Płatność odrzucona, ale kwota zablokowana",
                    "sv", "Betalningen nekades men beloppet är reserverat"));

    private final CaseDesk desk;
    private final CaseSettings settings;
    private final CaseWorkbench workbench;
    private final PaymentQueries payments;
    private final ClockSweep sweep;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoCasesData(CaseDesk desk, CaseSettings settings, CaseWorkbench workbench, PaymentQueries payments, ClockSweep sweep,
                  JdbcClient jdbc, Clock clock) {
        this.desk = desk;
        this.settings = settings;
        this.workbench = workbench;
        this.payments = payments;
        this.sweep = sweep;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // seeded once: findings and disputes may already have opened cases of their own by now
        if (jdbc.sql("select count(*) from cases_agent where username = 'demo.agent'").query(Long.class).single() > 0) {
            return;
        }
        configure();
        Random random = new Random(20261129);
        int opened = 0;
        for (String[] m : MARKETS) {
            int first = Integer.parseInt(m[2]);
            int count = Integer.parseInt(m[3]);
            int made = 0;
            for (int i = 0; i < count && made < (m[0].equals("DE") ? 90 : 35); i++) {
                String order = "DEMO-" + m[0] + "-" + (100000 + first + i);
                Optional<OrderTimeline> timeline = payments.timeline(order);
                if (timeline.isEmpty()) {
                    continue;
                }
                String category = problem(timeline.get());
                if (category == null && random.nextInt(20) != 0) {
                    continue;
                }
                if (category == null) {
                    category = "refund.missing";
                }
                opened += open(m[0], m[1], order, timeline.get(), category, random) ? 1 : 0;
                made++;
            }
        }
        spreadOverTwoWeeks(random);
        sweep.recomputeAllOpen();
        log.info("Demo case desk: {} cases", opened);
    }

    private void configure() {
        settings.saveAgent(new CaseSettings.Agent("demo.agent", 25, List.of("de", "nl", "en"), List.of(), true,
                List.of("payments", "refunds", "triage")));
        settings.saveAgent(new CaseSettings.Agent("demo.specialist", 30, List.of("de", "fr", "nl", "en"), List.of(), true,
                List.of("payments", "refunds", "reconciliation")));
        settings.saveAgent(new CaseSettings.Agent("demo.disputes", 40, List.of(), List.of(), true, List.of("disputes")));
        settings.saveAgent(new CaseSettings.Agent("demo.process", 5, List.of("de", "fr", "it", "es", "en"), List.of(), true,
                List.of("payments", "refunds", "finance")));
        workbench.saveMacro(new CaseWorkbench.Macro("refund-sent", "en", "Refund sent",
                "Hello,\n\nwe refunded {{order.refunded}} for order {{order.ref}}. Banks take 5 to 10 business days to show it.\n\nKind regards\n{{agent.name}}"));
        workbench.saveMacro(new CaseWorkbench.Macro("refund-sent", "de", "Erstattung veranlasst",
                "Hallo,\n\nwir haben {{order.refunded}} für Bestellung {{order.ref}} erstattet. Banken brauchen 5 bis 10 Werktage.\n\nViele Grüße\n{{agent.name}}"));
        workbench.saveMacro(new CaseWorkbench.Macro("refund-sent", "fr", "Remboursement effectué",
                "Bonjour,\n\nnous avons remboursé {{order.refunded}} pour la commande {{order.ref}}. Comptez 5 à 10 jours ouvrés.\n\nCordialement\n{{agent.name}}"));
        workbench.saveMacro(new CaseWorkbench.Macro("need-statement", "en", "Ask for the bank statement",
                "Hello,\n\nto trace the payment for {{order.ref}} please send us a bank statement showing the debit (you may black out other lines).\n\nThank you\n{{agent.name}}"));
        workbench.saveMacro(new CaseWorkbench.Macro("need-statement", "de", "Kontoauszug anfordern",
                "Hallo,\n\nbitte senden Sie uns für {{order.ref}} einen Kontoauszug mit der Abbuchung (andere Zeilen dürfen Sie schwärzen).\n\nDanke\n{{agent.name}}"));
        workbench.publishSop("refund.missing", null, "Refund not received", List.of(
                "Check the refund in the order timeline (status and provider reference)",
                "If failed or reversed: request a re-refund to another method",
                "If settled more than 10 business days ago: send the ARN/bank reference to the customer",
                "Reply with the refund-sent macro and set waiting for customer"));
        workbench.publishSop("charge.double", null, "Charged twice", List.of(
                "Compare captures in the order timeline: same amount, same day?",
                "If a duplicate capture: request a refund of the duplicate (four-eyes above the limit)",
                "If one is an authorisation hold: explain that it expires within 7 days",
                "Reply and resolve"));
        workbench.publishSop("charge.double", "DE", "Doppelt belastet (DE)", List.of(
                "Captures in der Bestellhistorie vergleichen",
                "Bei doppeltem Capture: Erstattung des Duplikats beantragen",
                "Bei SEPA-Lastschrift: Rücklastschrift der Bank abwarten und notieren",
                "Antworten und lösen"));
    }

    private static String problem(OrderTimeline t) {
        long captures = t.steps().stream().filter(s -> s.kind() == TransactionKind.CAPTURE).count();
        if (t.steps().stream().anyMatch(s -> s.kind() == TransactionKind.REFUND_FAILED || s.kind() == TransactionKind.REFUND_REVERSED)) {
            return "refund.missing";
        }
        if (t.steps().stream().anyMatch(s -> s.kind() == TransactionKind.CHARGEBACK || s.kind() == TransactionKind.DISPUTE_NOTICE)) {
            return "dispute";
        }
        if (captures > 1) {
            return "charge.double";
        }
        if (t.steps().stream().anyMatch(s -> s.kind() == TransactionKind.AUTHORISATION_FAILED)) {
            return "charge.declined";
        }
        return null;
    }

    private boolean open(String market, String language, String order, OrderTimeline t, String category, Random random) {
        String subject = SUBJECTS.get(category).getOrDefault(language, "Payment problem");
        String provider = t.steps().isEmpty() ? null : t.steps().getFirst().provider().name();
        Priority priority = random.nextInt(10) == 0 ? Priority.HIGH : random.nextInt(30) == 0 ? Priority.URGENT : Priority.NORMAL;
        List<CaseLink> links = new ArrayList<>();
        links.add(new CaseLink(LinkKind.ORDER, order));
        t.steps().stream().filter(s -> s.kind() == TransactionKind.CAPTURE).findFirst()
                .ifPresent(s -> links.add(new CaseLink(LinkKind.PAYMENT, s.providerReference())));
        String email = t.customerReference() == null ? null : t.customerReference() + "@example.com";
        CaseDesk.Opened opened = desk.open(NewCase.builder(subject + " · " + order, market,
                        random.nextBoolean() ? CaseSource.EMAIL : CaseSource.API)
                .description("Bestellung/order " + order + (t.amountDue() == null ? "" : ", " + t.amountDue()))
                .language(language).priority(priority).category(category).customer(t.customerReference(), email)
                .provider(provider).amount(t.amountDue()).links(links).idempotencyKey("demo-" + order)
                .psd2Complaint(random.nextInt(25) == 0).build());
        if (!opened.created()) {
            return false;
        }
        CaseSummary c = opened.summary();
        desk.receiveMessage(c.id(), email == null ? "customer" : email, subject + ". " + order, "<demo." + order + "@example.com>");
        int fate = random.nextInt(10);
        if (fate >= 3) {
            desk.reply(c.id(), "Thank you, we are looking into " + order + ".", fate < 6 ? CaseStatus.WAITING : null,
                    fate < 5 ? WaitingReason.CUSTOMER : fate < 6 ? WaitingReason.PROVIDER : null);
        }
        if (fate >= 8) {
            desk.reply(c.id(), workbench.withSurvey(c.id(), "We have resolved this for you."), CaseStatus.RESOLVED, null);
            if (random.nextBoolean()) {
                jdbc.sql("update cases_csat set rating = ?, answered_at = sent_at + interval '3 hours' where case_id = ?")
                        .params(3 + random.nextInt(3), c.id()).update();
            }
        }
        return true;
    }

    /** Moves each demo case's history back by up to two weeks so the queues show every age and clock state. */
    private void spreadOverTwoWeeks(Random random) {
        List<UUID> ids = jdbc.sql("select case_id from cases_intake_key where key like 'demo-%'").query(UUID.class).list();
        for (UUID id : ids) {
            long minutes = random.nextInt(14 * 24 * 60);
            Timestamp shift = Timestamp.from(clock.instant().minus(Duration.ofMinutes(minutes)));
            jdbc.sql("update cases_entry set at = at - (now() - ?::timestamptz) where case_id = ?").params(shift, id).update();
            jdbc.sql("""
                    update cases_case set created_at = created_at - (now() - ?::timestamptz),
                        updated_at = updated_at - (now() - ?::timestamptz),
                        resolved_at = resolved_at - (now() - ?::timestamptz) where id = ?""")
                    .params(shift, shift, shift, id).update();
            jdbc.sql("update cases_csat set sent_at = sent_at - (now() - ?::timestamptz) where case_id = ?").params(shift, id).update();
        }
    }
}
