package dev.paydesk.knowledge.web;

import dev.paydesk.platform.access.AnyRole;
import dev.paydesk.platform.access.CaseWorkerOrAuditor;
import dev.paydesk.platform.access.ManagerAdminOrAuditor;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;
import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.knowledge.internal.Announcements;
import dev.paydesk.knowledge.internal.KnowledgeSearch;
import dev.paydesk.knowledge.internal.KnowledgeService;
import dev.paydesk.knowledge.internal.SearchIndex;
import dev.paydesk.knowledge.internal.SearchLanguages;
import dev.paydesk.knowledge.internal.StaleEditException;
import dev.paydesk.knowledge.internal.Tags;
import dev.paydesk.knowledge.internal.VersionDiff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Knowledge API: articles, versions and diffs, four-eyes publishing, translations, review dates,
 * synonyms and hybrid search. Case workers and auditors read; process managers and administrators write.
 */
@RestController
@RequestMapping("/api/v1/knowledge")
@Tag(name = "Knowledge", description = "Articles, versions, publishing, translations and search")
@CaseWorkerOrAuditor
class KnowledgeApiController {

    private final KnowledgeService knowledge;
    private final KnowledgeSearch search;
    private final Announcements announcements;

    KnowledgeApiController(KnowledgeService knowledge, KnowledgeSearch search, Announcements announcements) {
        this.knowledge = knowledge;
        this.search = search;
        this.announcements = announcements;
    }

    /** Empty or missing roles, markets or suppliers: everyone; supplier "in-house" targets users of no supplier. */
    record AnnouncementRequest(@Nullable String title, @Nullable String body, @Nullable List<String> roles,
                               @Nullable List<String> markets, @Nullable List<String> suppliers, @Nullable String articleId) {
    }

    @PostMapping(value = "/announcements", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ProcessManagerOrAdmin
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Announce a change to roles, markets and suppliers (empty: everyone); each user confirms reading it")
    Announcements.Announcement announce(@RequestBody AnnouncementRequest r) {
        return announcements.publish(r.title(), r.body(), r.roles(), r.markets(), r.suppliers(), r.articleId());
    }

    @GetMapping("/announcements/unread")
    @AnyRole
    @Operation(summary = "The caller's unread announcements")
    List<Announcements.Announcement> unread() {
        return announcements.unread();
    }

    @PostMapping("/announcements/{id}/read")
    @AnyRole
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Confirm having read an announcement")
    void confirmRead(@PathVariable java.util.UUID id) {
        announcements.confirmRead(id);
    }

    @GetMapping("/announcements/read-rates")
    @ManagerAdminOrAuditor
    @Operation(summary = "Read-confirmation rates per announcement, market and supplier")
    List<Announcements.ReadRate> readRates() {
        return announcements.readRates();
    }

    record ArticleRequest(@Nullable String id, @Nullable String title, @Nullable String body, @Nullable String audience,
                          @Nullable String language, @Nullable String owner, java.time.@Nullable LocalDate reviewDue,
                          @Nullable Tags tags, @Nullable Integer baseVersion) {
        KnowledgeService.ArticleInput input() {
            return new KnowledgeService.ArticleInput(id, title, body, audience, language, owner, reviewDue, tags);
        }
    }

    record TranslationRequest(@Nullable String title, @Nullable String body, @Nullable Integer sourceVersion) {
    }

    record SynonymsRequest(@Nullable List<List<String>> groups) {
    }

    @GetMapping("/articles")
    @Operation(summary = "A page of articles (sort: updated, id, owner, review)")
    List<KnowledgeService.ArticleView> list(@RequestParam(defaultValue = "updated") String sort,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "25") int size) {
        return knowledge.list(sort, Math.max(0, page), Math.max(1, Math.min(size, 100)));
    }

    @PostMapping(value = "/articles", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ProcessManagerOrAdmin
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an article (version 1, a draft until a second person publishes it)")
    KnowledgeService.ArticleView create(@RequestBody ArticleRequest request) {
        return knowledge.create(request.input());
    }

    @GetMapping("/articles/{id}")
    @Operation(summary = "An article: latest version (Markdown and sanitised HTML), tags, translations with their status")
    KnowledgeService.ArticleView article(@PathVariable String id) {
        return knowledge.article(id);
    }

    @PutMapping(value = "/articles/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ProcessManagerOrAdmin
    @Operation(summary = "Save a new version based on baseVersion; 409 with the newer version when someone saved in between")
    KnowledgeService.ArticleView edit(@PathVariable String id, @RequestBody ArticleRequest request) {
        return knowledge.edit(id, request.baseVersion(), request.input());
    }

    @GetMapping("/articles/{id}/versions")
    @Operation(summary = "Every version of an article, newest first, with author and approver")
    List<KnowledgeService.VersionView> versions(@PathVariable String id) {
        return knowledge.versions(id);
    }

    @GetMapping("/articles/{id}/diff")
    @Operation(summary = "Line diff between two versions")
    VersionDiff diff(@PathVariable String id, @RequestParam int from, @RequestParam int to) {
        return knowledge.diff(id, from, to);
    }

    @PostMapping("/articles/{id}/versions/{version}/publish")
    @ProcessManagerOrAdmin
    @Operation(summary = "Publish a version: the approver must not be its author (four eyes); audited")
    KnowledgeService.ArticleView publish(@PathVariable String id, @PathVariable int version) {
        return knowledge.publish(id, version);
    }

    @PutMapping(value = "/articles/{id}/translations/{language}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ProcessManagerOrAdmin
    @Operation(summary = "Save the translation into a language, made from sourceVersion (default: the latest)")
    KnowledgeService.TranslationView translate(@PathVariable String id, @PathVariable String language,
                                               @RequestBody TranslationRequest request) {
        return knowledge.translate(id, language, request.title(), request.body(), request.sourceVersion());
    }

    @PostMapping("/articles/{id}/translations/{language}/publish")
    @ProcessManagerOrAdmin
    @Operation(summary = "Publish a translation's draft: not by its translator (four eyes); audited. Until then readers "
            + "and search see the translation published before")
    KnowledgeService.TranslationView publishTranslation(@PathVariable String id, @PathVariable String language) {
        return knowledge.publishTranslation(id, language);
    }

    @GetMapping("/review-due")
    @Operation(summary = "Articles whose review date has come, with their owners")
    List<KnowledgeService.ArticleView> reviewDue() {
        return knowledge.reviewDue();
    }

    @GetMapping("/search")
    @Operation(summary = "Hybrid search (full-text per language + semantic, reciprocal rank fusion) with filters")
    List<SearchIndex.Hit> search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable String market,
                                 @RequestParam(required = false) @Nullable String language,
                                 @RequestParam(required = false) @Nullable String method,
                                 @RequestParam(required = false) @Nullable String provider,
                                 @RequestParam(required = false) @Nullable String team,
                                 @RequestParam(defaultValue = "10") int limit,
                                 @RequestParam(defaultValue = "false") boolean typing) {
        String lang = language == null || language.isBlank() ? null : SearchLanguages.code("language", language);
        return search.search(q, new SearchIndex.Filters(upper(market), lang, upper(method), upper(provider), null), team,
                limit, typing);
    }

    @GetMapping("/synonyms/{team}")
    @Operation(summary = "A team's synonym groups, used to expand search queries")
    List<List<String>> synonyms(@PathVariable String team) {
        return knowledge.synonyms(team);
    }

    @PutMapping(value = "/synonyms/{team}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ProcessManagerOrAdmin
    @Operation(summary = "Replace a team's synonym groups, e.g. {\"groups\": [[\"chargeback\", \"dispute\", \"Rückbuchung\"]]}")
    List<List<String>> replaceSynonyms(@PathVariable String team, @RequestBody SynonymsRequest request) {
        return knowledge.replaceSynonyms(team, request.groups());
    }

    /** A stale edit: 409 problem+json carrying the newer version, so the editor can show it and nothing is lost. */
    @ExceptionHandler(StaleEditException.class)
    ResponseEntity<ProblemDetail> stale(StaleEditException e, HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setType(URI.create("https://paydesk.dev/problems/stale-version"));
        p.setTitle("Stale version");
        p.setInstance(URI.create(request.getRequestURI()));
        p.setProperty("current", e.current());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static @Nullable String upper(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(java.util.Locale.ROOT);
    }

}
