package dev.paydesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.triage.classifier.LabelledText;
import dev.paydesk.triage.classifier.TriageFixtures;

/** Triage on the real embedded PostgreSQL: taxonomy API, model activation, routing, corrections, repeats, incidents. */
@SpringBootTest
@AutoConfigureMockMvc
class TriageIntegrationTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Triage triage;

    @Autowired
    TriageModels models;

    @Autowired
    RepeatContacts repeats;

    @Autowired
    Incidents incidents;

    @Autowired
    RootCause rootCause;

    @Test
    void processManagersEditTheTaxonomyAgentsOnlyRead() throws Exception {
        String pm = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        String agent = tokenFor(newUser(Role.AGENT, List.of()));
        String parent = unique("refund");
        String child = parent + ".missing";
        String body = """
                {"code":"%s","parentCode":%s,"names":{"en":"Refund missing","de":"Erstattung fehlt"},"defaultQueue":"refunds","sopRef":"SOP-7"}""";

        mvc.perform(post("/api/v1/triage/categories").header("Authorization", "Bearer " + agent)
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted(parent, "null"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/triage/categories").header("Authorization", "Bearer " + pm)
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted(parent, "null"))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/triage/categories").header("Authorization", "Bearer " + pm)
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted(child, "\"" + parent + "\"")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.names.de").value("Erstattung fehlt"));
        mvc.perform(get("/api/v1/triage/categories").header("Authorization", "Bearer " + agent))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.code == '%s')].parentCode".formatted(child)).value(parent));

        String cycle = """
                {"category":{"code":"%s","parentCode":"%s","names":{"en":"x"}},"version":0,"active":true}""".formatted(parent, child);
        mvc.perform(put("/api/v1/triage/categories/" + parent).header("Authorization", "Bearer " + pm)
                .contentType(MediaType.APPLICATION_JSON).content(cycle)).andExpect(status().isBadRequest());
        String stale = """
                {"category":{"code":"%s","names":{"en":"Renamed"}},"version":5,"active":true}""".formatted(parent);
        mvc.perform(put("/api/v1/triage/categories/" + parent).header("Authorization", "Bearer " + pm)
                .contentType(MediaType.APPLICATION_JSON).content(stale)).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/triage/categories").header("Authorization", "Bearer " + pm)
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted("Bad Code", "null"))).andExpect(status().isBadRequest());
    }

    @Test
    void modelsActivateOnlyWhenBetterUnlessAnAdminForcesThem() throws Exception {
        List<LabelledText> shuffled = shuffledLabels(TriageFixtures.training());
        ModelVersion poor = trainAsSystem(shuffled);
        asSystem(() -> models.activate(poor.id(), true));

        ModelVersion good = trainAsSystem(TriageFixtures.training());
        assertThat(good.baselineMacroF1()).isLessThan(good.macroF1());
        assertThat(good.active()).as("beats the active model, so activated").isTrue();
        assertThat(models.version(poor.id()).active()).isFalse();
        assertThat(models.evaluation(good.id()).perCategory()).hasSize(5);

        ModelVersion worse = trainAsSystem(shuffled);
        assertThat(worse.baselineMacroF1()).isGreaterThan(worse.macroF1());
        assertThat(worse.active()).isFalse();
        assertThat(models.version(good.id()).active()).isTrue();

        String pm = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        mvc.perform(post("/api/v1/triage/models/" + worse.id() + "/activate").header("Authorization", "Bearer " + pm))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/triage/models/" + worse.id() + "/activate?force=true").header("Authorization", "Bearer " + pm))
                .andExpect(status().isForbidden());
        String admin = tokenFor(newUser(Role.ADMIN, List.of()));
        mvc.perform(post("/api/v1/triage/models/" + worse.id() + "/activate?force=true").header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(true)).andExpect(jsonPath("$.forced").value(true));
        assertThat(models.version(good.id()).active()).isFalse();

        asSystem(() -> models.activate(good.id(), true));
        assertThat(models.versions().stream().filter(ModelVersion::active).map(ModelVersion::id)).containsExactly(good.id());
    }

    @Test
    void confidentTextsAreCategorisedUncertainOnesQueuedWithThreeSuggestions() {
        ensureGoodModelActive();
        String clear = unique("case");
        String vague = unique("case");

        RoutingDecision confident = triage.route(clear, "I was charged twice for the same order, double payment", "en", "DE");
        RoutingDecision[] uncertain = new RoutingDecision[1];
        asSystem(() -> uncertain[0] = triage.route(vague, "xqzv", "en", "DE"));

        assertThat(confident).as(confident.toString()).isInstanceOfSatisfying(RoutingDecision.Categorised.class,
                c -> assertThat(c.category()).isEqualTo("double_charge"));
        assertThat(uncertain[0]).isInstanceOfSatisfying(RoutingDecision.QueuedForTriage.class, q -> {
            assertThat(q.classification().confidence()).isLessThan(triage.confidenceThreshold());
            assertThat(q.classification().suggestions()).hasSize(3);
        });
        assertThat(triage.triageQueue(1000)).extracting(Triage.QueuedItem::itemRef).contains(vague).doesNotContain(clear);

        asSystem(() -> triage.correct(vague, "xqzv", "en", null, "card_declined"));
        assertThat(triage.triageQueue(1000)).extracting(Triage.QueuedItem::itemRef).doesNotContain(vague);
    }

    @Test
    void correctionsJoinTheNextTrainingRunAndAreMarkedUsed() {
        List<LabelledText> data = TriageFixtures.training();
        String prefix = unique("hist");
        asSystem(() -> {
            for (int i = 0; i < data.size(); i++) {
                triage.confirm(prefix + "-" + i, data.get(i).text(), "en", data.get(i).category());
            }
            triage.correct(prefix + "-x", "money for my return 4111 1111 1111 1111 never came back", "en", "card_declined",
                    "refund_missing");
        });
        assertThat(triage.pendingCorrections()).isPositive();
        String stored = jdbc.sql("select text from triage_labelled_texts where item_ref = ?").param(prefix + "-x")
                .query(String.class).single();
        assertThat(stored).contains("4111 11** **** 1111").doesNotContain("4111 1111 1111 1111");

        ModelVersion[] trained = new ModelVersion[1];
        asSystem(() -> trained[0] = models.trainFromDatabase());

        assertThat(trained[0].trainSize()).isGreaterThanOrEqualTo(data.size() + 1);
        assertThat(triage.pendingCorrections()).isZero();
        Long usedBy = jdbc.sql("select used_by_model from triage_corrections where item_ref = ?").param(prefix + "-x")
                .query(Long.class).single();
        assertThat(usedBy).isEqualTo(trained[0].id());
    }

    @Test
    void repeatContactsAreLinkedWithinTheWindow() {
        String customer = unique("customer");
        Instant t0 = Instant.parse("2026-11-20T08:00:00Z");
        String first = unique("c");
        String second = unique("c");
        String third = unique("c");
        String late = unique("c");
        asSystem(() -> {
            assertThat(repeats.register(new Contact(first, customer, null, t0))).isEmpty();
            assertThat(repeats.register(new Contact(second, customer.toUpperCase(), "pay-" + first, t0.plus(Duration.ofDays(2)))))
                    .hasValueSatisfying(r -> assertThat(r.repeatOf()).isEqualTo(first));
            assertThat(repeats.register(new Contact(third, "someone-else", "pay-" + first, t0.plus(Duration.ofDays(3)))))
                    .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(RepeatContact.Reason.SAME_PAYMENT));
            assertThat(repeats.register(new Contact(late, customer, null, t0.plus(Duration.ofDays(30))))).isEmpty();
            assertThat(repeats.register(new Contact(second, customer, "pay-" + first, t0.plus(Duration.ofDays(2)))))
                    .hasValueSatisfying(r -> assertThat(r.repeatOf()).isEqualTo(first));
        });
        assertThat(repeats.chain(third)).containsExactly(first, second, third);
    }

    @Test
    void aSpikeOpensOneIncidentGatheringItsCases() {
        Cell cell = new Cell(unique("cat"), "adyen", "DE", "card");
        Instant hour = Instant.parse("2031-03-04T14:00:00Z");
        Random random = new Random(11);
        asSystem(() -> {
            for (int h = 1; h <= 8 * 168; h++) {
                int count = random.nextInt(4);
                if (count > 0) {
                    incidents.addCount(hour.minus(Duration.ofHours(h)), cell, count);
                }
            }
            for (int i = 0; i < 30; i++) {
                incidents.observe(cell.category() + "-case-" + i, cell, hour.plusSeconds(60L * i));
            }
        });
        List<Incident> opened = new ArrayList<>();
        asSystem(() -> opened.addAll(incidents.detect(hour)));

        assertThat(opened).filteredOn(i -> i.cell().equals(cell)).singleElement().satisfies(incident -> {
            assertThat(incident.observed()).isEqualTo(30);
            assertThat(incident.expected()).isLessThan(4);
            assertThat(incidents.items(incident.id())).hasSize(30);
        });
        List<Incident> again = new ArrayList<>();
        asSystem(() -> again.addAll(incidents.detect(hour)));
        assertThat(again).filteredOn(i -> i.cell().equals(cell)).extracting(Incident::id)
                .containsExactly(opened.stream().filter(i -> i.cell().equals(cell)).findFirst().orElseThrow().id());
        asSystem(() -> incidents.close(again.getFirst().id()));
        assertThatThrownBy(() -> asSystem(() -> incidents.close(again.getFirst().id()))).isInstanceOf(ConflictException.class);
    }

    @Test
    void paretoRanksCategoriesByVolumeWithSharesAndExportsCsv() throws Exception {
        String provider = unique("psp");
        Instant day = Instant.parse("2033-05-02T00:00:00Z");
        asSystem(() -> {
            incidents.addCount(day.plus(Duration.ofHours(3)), new Cell("refund_missing", provider, "DE", "card"), 20);
            incidents.addCount(day.plus(Duration.ofHours(4)), new Cell("refund_missing", provider, "FR", "card"), 40);
            incidents.addCount(day.plus(Duration.ofHours(5)), new Cell("double_charge", provider, "DE", "sepa"), 30);
            incidents.addCount(day.plus(Duration.ofHours(6)), new Cell("payout, delay", provider, "DE", "card"), 10);
            incidents.addCount(day.plus(Duration.ofDays(2)), new Cell("double_charge", provider, "DE", "card"), 500);
        });

        var rows = rootCause.pareto(new RootCause.Filter(day, day.plus(Duration.ofDays(1)), provider, null, null, null));

        assertThat(rows).extracting(RootCause.ParetoRow::category).containsExactly("refund_missing", "double_charge", "payout, delay");
        assertThat(rows).extracting(RootCause.ParetoRow::share).containsExactly(0.6, 0.3, 0.1);
        assertThat(rows.get(1).cumulativeShare()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(rootCause.pareto(new RootCause.Filter(day, day.plus(Duration.ofDays(1)), provider, "DE", null, null)))
                .extracting(RootCause.ParetoRow::contacts).containsExactly(30L, 20L, 10L);
        assertThat(rootCause.pareto(new RootCause.Filter(day, day.plus(Duration.ofDays(1)), provider, null, null, List.of("FR"))))
                .extracting(RootCause.ParetoRow::contacts).containsExactly(40L);

        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        assertThat(rootCause.trend(new RootCause.Filter(day, day.plus(Duration.ofDays(3)), provider, null, null, null)))
                .containsExactly(new RootCause.DailyCount(java.time.LocalDate.parse("2033-05-02"), "double_charge", 30),
                        new RootCause.DailyCount(java.time.LocalDate.parse("2033-05-02"), "payout, delay", 10),
                        new RootCause.DailyCount(java.time.LocalDate.parse("2033-05-02"), "refund_missing", 60),
                        new RootCause.DailyCount(java.time.LocalDate.parse("2033-05-04"), "double_charge", 500));

        String manager = tokenFor(newUser(Role.REALTIME_MANAGER, List.of("DE")));
        String csv = mvc.perform(get("/api/v1/triage/root-cause").header("Authorization", "Bearer " + manager)
                        .header("Accept", "text/csv").param("from", day.toString()).param("to", day.plus(Duration.ofDays(1)).toString())
                        .param("provider", provider))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("category,contacts,share,cumulative_share\r\n")
                .contains("double_charge,30,").contains("\"payout, delay\",10,").doesNotContain("refund_missing,60");
    }

    private ModelVersion trainAsSystem(List<LabelledText> data) {
        ModelVersion[] trained = new ModelVersion[1];
        asSystem(() -> trained[0] = models.train(data, "fixture"));
        return trained[0];
    }

    private void ensureGoodModelActive() {
        ModelVersion good = trainAsSystem(TriageFixtures.training());
        if (!good.active()) {
            asSystem(() -> models.activate(good.id(), true));
        }
    }

    private static List<LabelledText> shuffledLabels(List<LabelledText> data) {
        List<String> labels = new ArrayList<>(data.stream().map(LabelledText::category).toList());
        Collections.shuffle(labels, new Random(3));
        List<LabelledText> shuffled = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            shuffled.add(new LabelledText(data.get(i).text(), labels.get(i)));
        }
        return shuffled;
    }
}
