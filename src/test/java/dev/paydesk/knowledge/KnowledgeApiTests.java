package dev.paydesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;

/** Articles through the API: four-eyes publishing, stale edits, diffs, translation status, search after publishing. */
@SpringBootTest
@AutoConfigureMockMvc
class KnowledgeApiTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private String call(String token, MockHttpServletRequestBuilder request, String body, int status) throws Exception {
        if (!body.isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
        String content = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(content).isEqualTo(status);
        return content;
    }

    @Test
    void anArticleIsPublishedOnlyByASecondPersonAndThenFound() throws Exception {
        String author = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        String approver = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        String agent = tokenFor(newUser(Role.AGENT, List.of()));
        String word = "zorblax" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
        String id = JsonPath.read(call(author, post("/api/v1/knowledge/articles"), """
                {"title": "Chasing a Klarna refund", "body": "Ask Klarna about the %s refund.", "audience": "customer",
                 "language": "en", "tags": {"methods": ["klarna"], "markets": ["de"]}}""".formatted(word), 201), "$.id");

        String refused = call(author, post("/api/v1/knowledge/articles/" + id + "/versions/1/publish"), "", 409);
        assertThat(refused).contains("four eyes");
        assertThat((List<String>) JsonPath.read(call(agent, get("/api/v1/knowledge/search").param("q", word), "", 200),
                "$[*].articleId")).doesNotContain(id);
        call(agent, post("/api/v1/knowledge/articles/" + id + "/versions/1/publish"), "", 403);

        String published = call(approver, post("/api/v1/knowledge/articles/" + id + "/versions/1/publish"), "", 200);
        assertThat((Integer) JsonPath.read(published, "$.publishedVersion")).isEqualTo(1);
        assertThat((String) JsonPath.read(published, "$.latest.approvedBy")).isNotBlank();
        String hits = call(agent, get("/api/v1/knowledge/search").param("q", word).param("method", "KLARNA"), "", 200);
        assertThat((List<String>) JsonPath.read(hits, "$[*].articleId")).first().isEqualTo(id);
        assertThat((List<String>) JsonPath.read(call(agent, get("/api/v1/knowledge/search").param("q", word).param("market", "FR"),
                "", 200), "$[*].articleId")).doesNotContain(id);
        assertThat(jdbc.sql("select action from platform_audit_log where entity_type = 'knowledge-article' and entity_id = :id order by seq").param("id", id)
                .query(String.class).list()).containsExactly("knowledge.article.created",
                "knowledge.article.publish-refused", "knowledge.article.published");
    }

    @Test
    void aStaleEditIsRefusedWithTheNewerVersionAndDiffsShowChanges() throws Exception {
        String anna = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        String ben = tokenFor(newUser(Role.ADMIN, List.of()));
        String id = JsonPath.read(call(anna, post("/api/v1/knowledge/articles"),
                "{\"title\": \"SEPA recall\", \"body\": \"Step one\\nStep two\"}", 201), "$.id");
        call(ben, put("/api/v1/knowledge/articles/" + id),
                "{\"baseVersion\": 1, \"title\": \"SEPA recall\", \"body\": \"Step one\\nStep 2 (within 10 days)\"}", 200);
        String stale = call(anna, put("/api/v1/knowledge/articles/" + id),
                "{\"baseVersion\": 1, \"title\": \"SEPA recall\", \"body\": \"Step one\\nStep two\\nStep three\"}", 409);
        assertThat((Integer) JsonPath.read(stale, "$.current.version")).isEqualTo(2);
        assertThat((String) JsonPath.read(stale, "$.current.body")).isEqualTo("Step one\nStep 2 (within 10 days)");

        String diff = call(anna, get("/api/v1/knowledge/articles/" + id + "/diff").param("from", "1").param("to", "2"), "", 200);
        assertThat((List<String>) JsonPath.read(diff, "$.lines[?(@.kind == 'REMOVED')].text")).containsExactly("Step two");
        assertThat((List<String>) JsonPath.read(diff, "$.lines[?(@.kind == 'ADDED')].text")).containsExactly("Step 2 (within 10 days)");
        assertThat((List<Integer>) JsonPath.read(call(anna, get("/api/v1/knowledge/articles/" + id + "/versions"), "", 200),
                "$[*].version")).containsExactly(2, 1);
    }

    @Test
    void translationsShowWhenTheSourceMovedOn() throws Exception {
        String anna = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        String ben = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        String id = JsonPath.read(call(anna, post("/api/v1/knowledge/articles"),
                "{\"title\": \"Card declined\", \"body\": \"Ask for another card.\"}", 201), "$.id");
        call(ben, post("/api/v1/knowledge/articles/" + id + "/versions/1/publish"), "", 200);
        call(anna, put("/api/v1/knowledge/articles/" + id + "/translations/de"),
                "{\"title\": \"Karte abgelehnt\", \"body\": \"Nach einer anderen Karte fragen.\", \"sourceVersion\": 1}", 200);
        assertThat((List<String>) JsonPath.read(call(anna, get("/api/v1/knowledge/articles/" + id), "", 200),
                "$.translations[*].status")).containsExactly("CURRENT");

        call(anna, put("/api/v1/knowledge/articles/" + id), "{\"baseVersion\": 1, \"title\": \"Card declined\", \"body\": \"Ask for another card or method.\"}", 200);
        call(ben, post("/api/v1/knowledge/articles/" + id + "/versions/2/publish"), "", 200);
        assertThat((List<String>) JsonPath.read(call(anna, get("/api/v1/knowledge/articles/" + id), "", 200),
                "$.translations[?(@.language == 'de')].status")).containsExactly("OUTDATED");

        call(anna, put("/api/v1/knowledge/articles/no-such-article/translations/de"), "{\"title\": \"x\", \"body\": \"y\"}", 404);
        call(anna, put("/api/v1/knowledge/articles/" + id + "/translations/deu"), "{\"title\": \"x\", \"body\": \"y\"}", 400);
        call(anna, put("/api/v1/knowledge/articles/" + id + "/translations/fr"),
                "{\"title\": \"x\", \"body\": \"y\", \"sourceVersion\": 9}", 400);
    }

    @Test
    void aTranslationIsPublishedOnlyBySomeoneOtherThanItsTranslator() throws Exception {
        String anna = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        String ben = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        String agent = tokenFor(newUser(Role.AGENT, List.of()));
        String first = TestWords.unique("quarzel");
        String second = TestWords.unique("wimbel");
        String id = JsonPath.read(call(anna, post("/api/v1/knowledge/articles"),
                "{\"title\": \"Card declined\", \"body\": \"Ask for another card.\"}", 201), "$.id");
        call(ben, post("/api/v1/knowledge/articles/" + id + "/versions/1/publish"), "", 200);
        String draft = call(anna, put("/api/v1/knowledge/articles/" + id + "/translations/de"),
                "{\"title\": \"Karte abgelehnt\", \"body\": \"Nach der %s fragen.\"}".formatted(first), 200);
        assertThat((Boolean) JsonPath.read(draft, "$.waitingForPublication")).isTrue();
        assertThat(searchIds(agent, first)).doesNotContain(id);

        assertThat(call(anna, post("/api/v1/knowledge/articles/" + id + "/translations/de/publish"), "", 409)).contains("four eyes");
        String published = call(ben, post("/api/v1/knowledge/articles/" + id + "/translations/de/publish"), "", 200);
        assertThat((Boolean) JsonPath.read(published, "$.waitingForPublication")).isFalse();
        assertThat(searchIds(agent, first)).contains(id);
        call(ben, post("/api/v1/knowledge/articles/" + id + "/translations/de/publish"), "", 409);

        // a new draft waits for a second person; readers and search keep the published text meanwhile
        call(ben, put("/api/v1/knowledge/articles/" + id + "/translations/de"),
                "{\"title\": \"Karte abgelehnt\", \"body\": \"Nach der %s fragen.\"}".formatted(second), 200);
        call(ben, post("/api/v1/knowledge/articles/" + id + "/translations/de/publish"), "", 409);
        assertThat(searchIds(agent, first)).contains(id);
        assertThat(searchIds(agent, second)).doesNotContain(id);
        call(anna, post("/api/v1/knowledge/articles/" + id + "/translations/de/publish"), "", 200);
        assertThat(searchIds(agent, second)).contains(id);
        call(anna, post("/api/v1/knowledge/articles/" + id + "/translations/fr/publish"), "", 404);
        assertThat(jdbc.sql("select action from platform_audit_log where entity_id = :id and action like 'knowledge.translation.%' order by seq")
                .param("id", id).query(String.class).list()).containsExactly("knowledge.translation.saved",
                "knowledge.translation.publish-refused", "knowledge.translation.published", "knowledge.translation.publish-refused",
                "knowledge.translation.saved", "knowledge.translation.publish-refused", "knowledge.translation.published");
    }

    private List<String> searchIds(String token, String word) throws Exception {
        return JsonPath.read(call(token, get("/api/v1/knowledge/search").param("q", word), "", 200), "$[*].articleId");
    }

    @Test
    void scriptInAnArticleIsStoredAsWrittenButNeverServedAsHtml() throws Exception {
        String anna = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        String body = "Hi <script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>";
        String created = call(anna, post("/api/v1/knowledge/articles"),
                "{\"title\": \"XSS\", \"body\": " + com.fasterxml.jackson.databind.node.TextNode.valueOf(body) + "}", 201);
        assertThat((String) JsonPath.read(created, "$.latest.body")).isEqualTo(body);
        assertThat(dev.paydesk.knowledge.internal.SafeHtml.unsafeParts(JsonPath.read(created, "$.latest.html"))).isEmpty();
    }

    @Test
    void announcementsStayUnreadUntilConfirmedAndCountPerMarket() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("FR", "EUR", "Europe/Paris", "fr");
        String manager = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        String agentDe = tokenFor(newUser(Role.AGENT, List.of("DE")));
        String agentFr = tokenFor(newUser(Role.AGENT, List.of("FR")));
        String specialistDe = tokenFor(newUser(Role.SPECIALIST, List.of("DE")));
        String id = JsonPath.read(call(manager, post("/api/v1/knowledge/announcements"),
                "{\"title\": \"Klarna outage process\", \"body\": \"Use **bank transfer**.\", \"roles\": [\"agent\"], \"markets\": [\"de\"]}",
                201), "$.id");
        assertThat((List<String>) JsonPath.read(call(agentDe, get("/api/v1/knowledge/announcements/unread"), "", 200), "$[*].id")).contains(id);
        assertThat((List<String>) JsonPath.read(call(agentFr, get("/api/v1/knowledge/announcements/unread"), "", 200), "$[*].id")).doesNotContain(id);
        assertThat((List<String>) JsonPath.read(call(specialistDe, get("/api/v1/knowledge/announcements/unread"), "", 200), "$[*].id")).doesNotContain(id);
        call(agentFr, post("/api/v1/knowledge/announcements/" + id + "/read"), "", 404);

        call(agentDe, post("/api/v1/knowledge/announcements/" + id + "/read"), "", 204);
        call(agentDe, post("/api/v1/knowledge/announcements/" + id + "/read"), "", 204);
        assertThat((List<String>) JsonPath.read(call(agentDe, get("/api/v1/knowledge/announcements/unread"), "", 200), "$[*].id")).doesNotContain(id);
        String rates = call(manager, get("/api/v1/knowledge/announcements/read-rates"), "", 200);
        assertThat((List<Integer>) JsonPath.read(rates, "$[?(@.id == '" + id + "')].confirmed")).containsExactly(1);
        assertThat((List<Integer>) JsonPath.read(rates, "$[?(@.id == '" + id + "')].perMarket.DE.confirmed")).containsExactly(1);
        assertThat((List<Integer>) JsonPath.read(rates, "$[?(@.id == '" + id + "')].perMarket.DE.targeted")).allMatch(n -> n >= 1);
    }
}
