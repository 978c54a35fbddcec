package dev.paydesk.knowledge.web;

import dev.paydesk.platform.access.AnyRole;
import dev.paydesk.platform.access.CaseWorkerOrAuditor;
import dev.paydesk.platform.access.ManagerAdminOrAuditor;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.knowledge.internal.KnowledgeSearch;
import dev.paydesk.knowledge.internal.KnowledgeService;
import dev.paydesk.knowledge.internal.KnowledgeUsage;
import dev.paydesk.knowledge.internal.MarkdownRenderer;
import dev.paydesk.knowledge.internal.SearchIndex;
import dev.paydesk.knowledge.internal.StaleEditException;
import dev.paydesk.knowledge.internal.Tags;
import dev.paydesk.platform.NavItem;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/**
 * Knowledge pages: the article list with search as you type, an article with its versions and
 * translations, the editor with live preview (a stale save shows the newer version beside your text),
 * version diffs and publishing by a second person.
 */
@Controller
@CaseWorkerOrAuditor
class KnowledgeUiController {

    private static final int PAGE = 25;

    private static final java.util.regex.Pattern CASE_KEY = java.util.regex.Pattern.compile("PD-\\d{1,12}");

    private final KnowledgeService knowledge;
    private final KnowledgeSearch search;
    private final KnowledgeUsage usage;
    private final dev.paydesk.knowledge.internal.ArticleFiles files;

    KnowledgeUiController(KnowledgeService knowledge, KnowledgeSearch search, KnowledgeUsage usage,
                          dev.paydesk.knowledge.internal.ArticleFiles files) {
        this.files = files;
        this.knowledge = knowledge;
        this.search = search;
        this.usage = usage;
    }

    /** The editor's fields; tags as comma-separated text. */
    record ArticleForm(@Nullable String id, @Nullable String title, @Nullable String body, @Nullable String audience,
                       @Nullable String language, @Nullable String owner, java.time.@Nullable LocalDate reviewDue,
                       @Nullable String markets, @Nullable String methods, @Nullable String providers,
                       @Nullable String categories, @Nullable Integer baseVersion) {
        KnowledgeService.ArticleInput input() {
            return new KnowledgeService.ArticleInput(id, title, body, audience, language, owner, reviewDue,
                    new Tags(split(markets), split(methods), split(providers), split(categories), List.of(), List.of()));
        }

        static ArticleForm of(KnowledgeService.ArticleView a) {
            return new ArticleForm(a.id(), a.title(), a.latest().body(), a.audience(), a.language(), a.owner(), a.reviewDue(),
                    String.join(", ", a.tags().markets()), String.join(", ", a.tags().methods()),
                    String.join(", ", a.tags().providers()), String.join(", ", a.tags().categories()), a.latestVersion());
        }

        private static List<String> split(@Nullable String csv) {
            return csv == null ? List.of() : List.of(csv.split("\\s*,\\s*"));
        }
    }

    @GetMapping("/knowledge")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "updated") String sort,
                @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("sort", sort);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("articles", knowledge.list(sort, Math.max(0, page), PAGE + 1));
        model.addAttribute("pageSize", PAGE);
        List<SearchIndex.Hit> hits = q.isBlank() ? List.of() : search.search(q, SearchIndex.Filters.NONE, null, 20, false);
        usage.searched(q, hits.size());
        model.addAttribute("hits", hits);
        return "knowledge/list";
    }

    /** The search results fragment htmx swaps in while the user types. */
    @GetMapping("/knowledge/results")
    String results(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("hits", q.isBlank() ? List.of() : search.search(q, SearchIndex.Filters.NONE, null, 20, true));
        return "knowledge/list :: results";
    }

    /** An article; {@code case} when opened from a case's suggestions (counted, and "did this help" offered). */
    @GetMapping("/knowledge/articles/{id}")
    String article(@PathVariable String id, @RequestParam(name = "case", required = false) @Nullable String caseKey,
                   @RequestParam(name = "files", defaultValue = "uploaded") String filesSort, Model model) {
        model.addAttribute("article", knowledge.article(id));
        model.addAttribute("versions", knowledge.versions(id));
        model.addAttribute("files", files.list(id, filesSort));
        model.addAttribute("filesSort", filesSort);
        String key = caseKey != null && CASE_KEY.matcher(caseKey).matches() ? caseKey : null;
        usage.viewed(id, key);
        model.addAttribute("caseKey", key);
        model.addAttribute("answer", key == null ? null : usage.answer(id, key, dev.paydesk.platform.CurrentUser.actorName()));
        return "knowledge/article";
    }

    /** "Did this help" for an article on a case; back to the case (or the article when asked there). */
    @PostMapping("/knowledge/articles/{id}/feedback")
    String feedback(@PathVariable String id, @RequestParam(name = "case", defaultValue = "") String caseKey,
                    @RequestParam boolean helpful, @RequestParam(defaultValue = "case") String back,
                    RedirectAttributes redirect) {
        if (!CASE_KEY.matcher(caseKey).matches()) {
            throw new InvalidInputException("case", "feedback belongs to a case");
        }
        usage.feedback(id, caseKey, helpful);
        redirect.addFlashAttribute("flashKey", "knowledge.feedback.saved");
        return back.equals("article") ? "redirect:/knowledge/articles/" + id + "?case=" + caseKey : "redirect:/cases/" + caseKey;
    }

    @GetMapping("/knowledge/articles/{id}/diff")
    String diff(@PathVariable String id, @RequestParam int from, @RequestParam int to, Model model) {
        model.addAttribute("article", knowledge.article(id));
        model.addAttribute("diff", knowledge.diff(id, from, to));
        return "knowledge/diff";
    }

    @GetMapping("/knowledge/new")
    @ProcessManagerOrAdmin
    String newArticle(Model model) {
        model.addAttribute("form", new ArticleForm(null, "", "", "INTERNAL", "en", null, null, "", "", "", "", null));
        return "knowledge/edit";
    }

    @GetMapping("/knowledge/articles/{id}/edit")
    @ProcessManagerOrAdmin
    String edit(@PathVariable String id, Model model) {
        model.addAttribute("form", ArticleForm.of(knowledge.article(id)));
        model.addAttribute("files", files.list(id, "uploaded"));
        model.addAttribute("maxFileSize", files.maxSize());
        return "knowledge/edit";
    }

    /** Live preview: the same rendering and sanitising as the saved article. */
    @PostMapping("/knowledge/preview")
    @ProcessManagerOrAdmin
    @ResponseBody
    ResponseEntity<String> preview(@RequestParam(defaultValue = "") String body) {
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.TEXT_HTML)
                .body(MarkdownRenderer.toSafeHtml(body.length() > KnowledgeService.MAX_BODY ? body.substring(0, KnowledgeService.MAX_BODY) : body));
    }

    @PostMapping("/knowledge/articles")
    @ProcessManagerOrAdmin
    String create(ArticleForm form, Model model, RedirectAttributes redirect) {
        try {
            String id = form.baseVersion() == null ? knowledge.create(form.input()).id()
                    : knowledge.edit(required(form.id()), form.baseVersion(), form.input()).id();
            redirect.addFlashAttribute("flashKey", "knowledge.saved");
            return "redirect:/knowledge/articles/" + id;
        } catch (StaleEditException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("current", e.current());
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("form", form);
        return "knowledge/edit";
    }

    @PostMapping("/knowledge/articles/{id}/publish")
    @ProcessManagerOrAdmin
    String publish(@PathVariable String id, @RequestParam int version, RedirectAttributes redirect) {
        return publishing(id, () -> knowledge.publish(id, version), "knowledge.published", redirect);
    }

    @PostMapping("/knowledge/articles/{id}/translations/{language}/publish")
    @ProcessManagerOrAdmin
    String publishTranslation(@PathVariable String id, @PathVariable String language, RedirectAttributes redirect) {
        return publishing(id, () -> knowledge.publishTranslation(id, language), "knowledge.translation.publishedFlash",
                redirect);
    }

    /** Publishes (a version or a translation) and returns to the article, with the refusal (four eyes) shown there. */
    private static String publishing(String id, Runnable publish, String doneKey, RedirectAttributes redirect) {
        try {
            publish.run();
            redirect.addFlashAttribute("flashKey", doneKey);
        } catch (ConflictException | NotFoundException | InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/knowledge/articles/" + id;
    }

    private static String required(@Nullable String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("id", "which article?");
        }
        return id;
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavItem knowledgeNav() {
            return new NavItem("Work", "Knowledge", "/knowledge", "book", Set.of(Role.AGENT, Role.SPECIALIST,
                    Role.DISPUTE_SPECIALIST, Role.PROCESS_MANAGER, Role.AUDITOR, Role.ADMIN), 50);
        }
    }
}
