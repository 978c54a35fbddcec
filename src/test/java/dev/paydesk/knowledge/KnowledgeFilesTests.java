package dev.paydesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;

/** Images and files on articles: upload, serve, reference from Markdown, delete; every kind of bad file; market scope. */
@SpringBootTest
@AutoConfigureMockMvc
class KnowledgeFilesTests extends PlatformTestSupport {

    /** The PNG signature and the start of an IHDR chunk (W3C PNG, section 5.2). */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    /** Visa's public test card number. */
    private static final String PAN = "4111 1111 1111 1111";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private UserAccount manager;
    private String managerToken;
    private String article;

    @BeforeEach
    void anArticleForGermany() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("FR", "EUR", "Europe/Paris", "fr");
        manager = newUser(Role.PROCESS_MANAGER, List.of());
        managerToken = tokenFor(manager);
        article = JsonPath.read(call(managerToken, post("/api/v1/knowledge/articles").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"SEPA return codes\", \"body\": \"See the table.\", \"tags\": {\"markets\": [\"DE\"]}}"), 201), "$.id");
    }

    private MockHttpServletResponse response(String token, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
    }

    private String call(String token, AbstractMockHttpServletRequestBuilder<?> request, int status) throws Exception {
        MockHttpServletResponse response = response(token, request);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        return body;
    }

    private AbstractMockHttpServletRequestBuilder<?> upload(String filename, String type, byte[] bytes) {
        return multipart("/api/v1/knowledge/articles/" + article + "/files").file(new MockMultipartFile("file", filename, type, bytes));
    }

    private String files() {
        return "/api/v1/knowledge/articles/" + article + "/files";
    }

    @Test
    void anImageIsUploadedShownInTheArticleServedSafelyAndDeleted() throws Exception {
        String agent = tokenFor(newUser(Role.AGENT, List.of("DE")));
        String french = tokenFor(newUser(Role.AGENT, List.of("FR")));
        String image = call(managerToken, upload("../../return-codes.png", "image/png", PNG), 201);
        String imageId = JsonPath.read(image, "$.id");
        assertThat((String) JsonPath.read(image, "$.filename")).isEqualTo("return-codes.png");
        assertThat((String) JsonPath.read(image, "$.markdown")).isEqualTo("![return-codes.png](files/" + imageId + ")");
        String text = call(managerToken, upload("codes.txt", "text/plain", "R01 insufficient funds".getBytes(StandardCharsets.UTF_8)), 201);
        String textId = JsonPath.read(text, "$.id");
        assertThat((List<String>) JsonPath.read(call(agent, get(files()).param("sort", "name"), 200), "$[*].filename"))
                .containsExactly("codes.txt", "return-codes.png");

        MockHttpServletResponse served = response(agent, get(files() + "/" + imageId));
        assertThat(served.getStatus()).isEqualTo(200);
        assertThat(served.getContentType()).isEqualTo("image/png");
        assertThat(served.getContentAsByteArray()).isEqualTo(PNG);
        assertThat(served.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.getHeader("Content-Disposition")).startsWith("inline;").contains("return-codes.png");
        MockHttpServletResponse download = response(agent, get(files() + "/" + textId));
        assertThat(download.getContentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;");
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

        call(managerToken, put("/api/v1/knowledge/articles/" + article).contentType(MediaType.APPLICATION_JSON).content(
                "{\"title\": \"SEPA return codes\", \"baseVersion\": 1, \"body\": \"![codes](files/" + imageId + ")\"}"), 200);
        assertThat((String) JsonPath.read(call(agent, get("/api/v1/knowledge/articles/" + article), 200), "$.latest.html"))
                .contains("<img src=\"/knowledge/files/" + imageId + "\" alt=\"codes\">");
        UserAccount agentUser = newUser(Role.AGENT, List.of("DE"));
        mvc.perform(get("/knowledge/files/" + imageId).with(user(agentUser))).andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(PNG));
        mvc.perform(get("/knowledge/articles/" + article).with(user(agentUser)).param("files", "size")).andExpect(status().isOk())
                .andExpect(content().string(containsString("return-codes.png")))
                .andExpect(content().string(containsString("src=\"/knowledge/files/" + imageId + "\"")));

        // outside the article's markets the files do not exist
        call(french, get(files()), 404);
        call(french, get(files() + "/" + imageId), 404);
        mvc.perform(get("/knowledge/files/" + imageId).with(user(newUser(Role.AGENT, List.of("FR"))))).andExpect(status().isNotFound());
        call(agent, get("/api/v1/knowledge/articles/sepa-unknown-article/files/" + imageId), 404);

        call(agent, delete(files() + "/" + imageId), 403);
        call(managerToken, delete(files() + "/" + imageId), 204);
        call(agent, get(files() + "/" + imageId), 404);
        assertThat(jdbc.sql("select action from platform_audit_log where entity_type = 'knowledge-article' and entity_id = :id "
                        + "and action like 'knowledge.file.%' order by seq").param("id", article).query(String.class).list())
                .containsExactly("knowledge.file.uploaded", "knowledge.file.uploaded", "knowledge.file.deleted");
    }

    @Test
    void badFilesAreRefusedWithAClearReasonAndNothingIsStored() throws Exception {
        assertThat(call(managerToken, upload("empty.png", "image/png", new byte[0]), 400)).contains("empty");
        MockHttpServletResponse large = response(managerToken, upload("big.png", "image/png", bigPng(5 * 1024 * 1024 + 1)));
        assertThat(large.getStatus()).isEqualTo(413);
        assertThat(large.getContentType()).isEqualTo("application/problem+json");
        assertThat(large.getContentAsString()).contains("at most 5 MB");
        assertThat(call(managerToken, upload("fake.png", "image/png", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)), 400))
                .contains("declared as image/png");
        assertThat(call(managerToken, upload("x.svg", "image/svg+xml", "<svg/>".getBytes(StandardCharsets.UTF_8)), 400))
                .contains("not accepted");
        assertThat(call(managerToken, upload("page.html", "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)), 400))
                .contains("not accepted");
        // declared as text: the boundary masks the number on the way in, and the upload is still refused
        assertThat(call(managerToken, upload("chargeback.txt", "text/plain", ("card " + PAN).getBytes(StandardCharsets.UTF_8)), 400))
                .contains("card number");
        // not declared as text, so the boundary passes it unread: found in clear
        assertThat(call(managerToken, upload("chargeback.txt", "application/octet-stream", ("card " + PAN).getBytes(StandardCharsets.UTF_8)), 400))
                .contains("card number");
        call(managerToken, upload("a.png", "image/png", PNG), 201);
        call(tokenFor(newUser(Role.AUDITOR, List.of())), upload("a.png", "image/png", PNG), 403);
        call(managerToken, multipart("/api/v1/knowledge/articles/no-such-article/files")
                .file(new MockMultipartFile("file", "a.png", "image/png", PNG)), 404);
        assertThat(jdbc.sql("select count(*) from knowledge_file where article_id = ?").param(article).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void theEditorUploadsWithCsrfAndShowsRefusalsInTheReadersLanguage() throws Exception {
        mvc.perform(get("/knowledge/articles/" + article + "/edit").with(user(manager))).andExpect(status().isOk())
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        String path = "/knowledge/articles/" + article + "/files";
        mvc.perform(multipart(path).file(new MockMultipartFile("file", "flow.png", "image/png", PNG)).with(user(manager)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart(path).file(new MockMultipartFile("file", "flow.png", "image/png", PNG)).with(user(manager)).with(csrf()))
                .andExpect(status().isFound()).andExpect(flash().attribute("flash", containsString("![flow.png](files/")));
        mvc.perform(multipart(path).file(new MockMultipartFile("file", "fake.png", "image/png", "GIF89a".getBytes(StandardCharsets.US_ASCII)))
                        .with(user(manager)).with(csrf()))
                .andExpect(status().isFound()).andExpect(flash().attribute("error", containsString("says it is image/png")));
        mvc.perform(multipart(path).file(new MockMultipartFile("file", "leer.txt", "text/plain", new byte[0]))
                        .with(user(manager)).with(csrf()).header("Accept-Language", "de"))
                .andExpect(status().isFound()).andExpect(flash().attribute("error", containsString("Die Datei ist leer")));
        String id = jdbc.sql("select id::text from knowledge_file where article_id = ?").param(article).query(String.class).single();
        mvc.perform(get("/knowledge/articles/" + article).with(user(manager))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-confirm=\"Delete flow.png from this article?\"")));
        mvc.perform(post(path + "/" + id + "/delete").with(user(manager)).with(csrf())).andExpect(status().isFound());
        assertThat(jdbc.sql("select count(*) from knowledge_file where article_id = ?").param(article).query(Integer.class).single())
                .isZero();
    }

    private static byte[] bigPng(int size) {
        byte[] bytes = new byte[size];
        System.arraycopy(PNG, 0, bytes, 0, PNG.length);
        return bytes;
    }
}
