package dev.paydesk.knowledge.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import dev.paydesk.cases.CaseDetail;
import dev.paydesk.cases.CasePanel;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.knowledge.ArticleSuggestions;
import dev.paydesk.knowledge.internal.KnowledgeUsage;
import dev.paydesk.knowledge.internal.SopArticles;
import dev.paydesk.platform.PaydeskPrincipal;
import dev.paydesk.platform.Role;

/**
 * Knowledge's panel on the case page: the three most relevant published articles for the case (its
 * category, subject and description, in its market and the customer's language first), each linking to
 * the article with the case key so the view counts as "opened from a case", with the user's "did this
 * help" answer and, for customer-facing articles, the snippet to insert into the reply; and a link to the
 * article explaining the case's SOP.
 */
@Component
class CaseSuggestionsPanel implements CasePanel {

    /** Everyone who may read articles (the knowledge pages' {@code @CaseWorkerOrAuditor}). */
    private static final Set<Role> READERS = Set.of(Role.AGENT, Role.SPECIALIST, Role.DISPUTE_SPECIALIST,
            Role.PROCESS_MANAGER, Role.AUDITOR, Role.ADMIN);
    private static final int TEXT = 2_000;

    /** One suggestion as the fragment shows it; {@code answer} is HELPFUL, NOT_HELPFUL or null. */
    record Item(String articleId, String title, String language, boolean customerFacing, String snippet, String url,
                @Nullable String answer) {
    }

    private final ArticleSuggestions suggestions;
    private final KnowledgeUsage usage;
    private final SopArticles sops;

    CaseSuggestionsPanel(ArticleSuggestions suggestions, KnowledgeUsage usage, SopArticles sops) {
        this.suggestions = suggestions;
        this.usage = usage;
        this.sops = sops;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Panel> panel(CaseDetail c, PaydeskPrincipal user) {
        if (user.roles().stream().noneMatch(READERS::contains)) {
            return Optional.empty();
        }
        CaseSummary s = c.summary();
        String text = s.subject() + " " + c.description();
        List<Item> items = suggestions.forCase(s.category(), text.length() > TEXT ? text.substring(0, TEXT) : text, null,
                        s.market(), s.language()).stream()
                .map(a -> {
                    KnowledgeUsage.Kind answer = usage.answer(a.articleId(), s.key(), user.username());
                    return new Item(a.articleId(), a.title(), a.language(), a.customerFacing(),
                            a.customerFacing() ? org.jsoup.Jsoup.parse(a.snippetHtml()).text() : "",
                            UriComponentsBuilder.fromPath(a.url()).queryParam("case", s.key()).build().toUriString(),
                            answer == null ? null : answer.name());
                }).toList();
        String sopUrl = sops.forCase(s.category(), s.market())
                .map(a -> "/knowledge/articles/" + a.articleId() + "?case=" + s.key()).orElse("");
        return Optional.of(new Panel("knowledge/panels", "suggestions",
                Map.of("caseKey", s.key(), "items", items, "sopUrl", sopUrl)));
    }
}
