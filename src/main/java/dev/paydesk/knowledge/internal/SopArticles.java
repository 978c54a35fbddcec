package dev.paydesk.knowledge.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.cases.CaseSettingsCatalog;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.knowledge.ArticlePublished;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.shared.InvalidInputException;

/**
 * SOPs as articles. Each case-desk SOP (category, market) is imported once as a published internal
 * article: an explanation, then a "Checklist" section with its steps. From then on the SOP is edited as
 * an article; publishing a version whose steps or title differ appends a new SOP version on the case
 * desk, which keeps recording the steps done per case against its own SOP versions, so steps recorded
 * before the import stay where they are. Knowledge calls the case desk's API; the case desk knows
 * nothing of knowledge.
 */
@Service
public class SopArticles {

    /** The author and approver of imported SOPs: their text was already in force on the case desk. */
    static final String IMPORT = "sop-import";

    public record SopArticle(String articleId, String category, @Nullable String market) {
    }

    private final JdbcClient jdbc;
    private final Articles articles;
    private final KnowledgeService knowledge;
    private final CaseSettingsCatalog catalog;
    private final CaseWorkbench workbench;
    private final AuditLog audit;
    private final Clock clock;

    SopArticles(JdbcClient jdbc, Articles articles, KnowledgeService knowledge, CaseSettingsCatalog catalog,
                CaseWorkbench workbench, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.knowledge = knowledge;
        this.catalog = catalog;
        this.workbench = workbench;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void importOnStart() {
        importFromCaseDesk();
    }

    /** Imports the latest version of every case-desk SOP that has no article yet; returns how many. */
    @Transactional
    public int importFromCaseDesk() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('knowledge-sop-import'))").query((rs, n) -> 1).list();
        Map<String, CaseWorkbench.Sop> latest = new LinkedHashMap<>();
        for (CaseWorkbench.Sop sop : catalog.sops()) {
            latest.putIfAbsent(sop.category() + "|" + sop.market(), sop);
        }
        int imported = 0;
        for (CaseWorkbench.Sop sop : latest.values()) {
            if (find(sop.category(), sop.market()).isEmpty()) {
                importSop(sop);
                imported++;
            }
        }
        return imported;
    }

    private void importSop(CaseWorkbench.Sop sop) {
        String base = "sop-" + slug(sop.category()) + "-" + (sop.market() == null ? "all" : sop.market().toLowerCase(Locale.ROOT));
        String id = base;
        for (int n = 2; articles.exists(id); n++) {
            id = base + "-" + n;
        }
        Instant now = clock.instant();
        List<String> steps = sop.steps().stream().map(CaseWorkbench.Step::text).toList();
        String body = SopChecklist.markdown("The case desk's procedure for **" + sop.category() + "** cases"
                + (sop.market() == null ? "" : " in " + sop.market()) + " (imported from SOP version " + sop.version()
                + "). Explain here why each step matters and how to do it.", steps);
        articles.insert(new Articles.Head(id, "INTERNAL", "en", IMPORT, null,
                new Tags(sop.market() == null ? List.of() : List.of(sop.market()), List.of(), List.of(),
                        List.of(sop.category()), List.of(), List.of()), 1, null, now), now);
        articles.insertVersion(new Articles.Version(id, 1, sop.title(), body, IMPORT, now, null, null));
        articles.markPublished(id, 1, IMPORT, now);
        jdbc.sql("insert into knowledge_sop (article_id, category, market) values (:id, :category, :market)")
                .param("id", id).param("category", sop.category()).param("market", sop.market()).update();
        knowledge.reindex(id);
        audit.record("knowledge.sop.imported", "knowledge-article", id, sop.market(), null,
                Map.of("category", sop.category(), "sopId", sop.id(), "sopVersion", sop.version(), "steps", steps.size()));
    }

    /** A published SOP article whose checklist or title changed becomes the case desk's next SOP version. */
    @EventListener
    void published(ArticlePublished event) {
        Optional<SopArticle> link = byArticle(event.articleId());
        if (link.isEmpty()) {
            return;
        }
        Articles.Version v = articles.version(event.articleId(), event.version()).orElseThrow();
        List<String> steps = SopChecklist.steps(v.body());
        if (steps.isEmpty()) {
            throw new InvalidInputException("body", "an SOP article needs a '## " + SopChecklist.HEADING
                    + "' section with at least one step; the case page records the steps done");
        }
        SopArticle sop = link.get();
        Optional<CaseWorkbench.Sop> current = catalog.latestSop(sop.category(), sop.market());
        boolean same = current.isPresent() && current.get().title().equals(v.title())
                && current.get().steps().stream().map(CaseWorkbench.Step::text).toList().equals(steps);
        if (!same) {
            workbench.publishSop(sop.category(), sop.market(), v.title(), steps);
        }
    }

    /** The SOP article for a case: its market's first, else the one for every market. */
    public Optional<SopArticle> forCase(@Nullable String category, String market) {
        if (category == null) {
            return Optional.empty();
        }
        return find(category, market).or(() -> find(category, null));
    }

    private Optional<SopArticle> find(String category, @Nullable String market) {
        return jdbc.sql("select article_id, category, market from knowledge_sop where category = :category"
                        + " and coalesce(market, '') = coalesce(:market, '')")
                .param("category", category).param("market", market)
                .query((rs, n) -> new SopArticle(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    private Optional<SopArticle> byArticle(String articleId) {
        return jdbc.sql("select article_id, category, market from knowledge_sop where article_id = :id").param("id", articleId)
                .query((rs, n) -> new SopArticle(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    private static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "sop" : s.length() > 50 ? s.substring(0, 50) : s;
    }
}
