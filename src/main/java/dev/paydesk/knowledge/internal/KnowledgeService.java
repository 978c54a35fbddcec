package dev.paydesk.knowledge.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/**
 * Writing and reading articles: every edit a new version (refused as stale unless based on the latest),
 * publishing by a second person, translations against a source version, owners and review dates.
 * Every change is audited; publishing and translating update the live search index.
 */
@Service
public class KnowledgeService {

    public static final int MAX_BODY = 200_000;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,79}");

    public record ArticleInput(@Nullable String id, @Nullable String title, @Nullable String body,
                               @Nullable String audience, @Nullable String language, @Nullable String owner,
                               @Nullable LocalDate reviewDue, @Nullable Tags tags) {
    }

    public record VersionView(int version, String title, String body, String html, String author, Instant createdAt,
                              @Nullable String approvedBy, @Nullable Instant approvedAt) {
    }

    /**
     * A translation's draft with its status against the source; {@code publishedBy} names the second person who
     * published this draft (null while it waits for one: readers and search still see the text published before).
     */
    public record TranslationView(String language, String title, String body, String html, int sourceVersion,
                                  TranslationStatus status, String translator, Instant updatedAt,
                                  @Nullable String publishedBy, @Nullable Instant publishedAt,
                                  @Nullable Integer publishedSourceVersion) {
        @com.fasterxml.jackson.annotation.JsonProperty
        public boolean waitingForPublication() {
            return publishedBy == null;
        }
    }

    public record ArticleView(String id, String title, String audience, String language, String owner,
                              @Nullable LocalDate reviewDue, boolean reviewOverdue, Tags tags, int latestVersion,
                              @Nullable Integer publishedVersion, VersionView latest, List<TranslationView> translations) {
    }

    private final Articles articles;
    private final SearchIndex index;
    private final AuditLog audit;
    private final Clock clock;
    private final PublishRefusals refusals;
    private final org.springframework.context.ApplicationEventPublisher events;

    KnowledgeService(Articles articles, SearchIndex index, AuditLog audit, Clock clock, PublishRefusals refusals,
                     org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.refusals = refusals;
        this.articles = articles;
        this.index = index;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ArticleView create(ArticleInput in) {
        String title = required("title", in.title());
        String body = body(in.body());
        String language = SearchLanguages.code("language", in.language() == null ? "en" : in.language());
        String id = in.id() == null || in.id().isBlank() ? slug(title) : in.id().trim();
        if (!ID.matcher(id).matches()) {
            throw new InvalidInputException("id", "an article id has 3 to 80 lower-case letters, digits and hyphens");
        }
        if (articles.exists(id)) {
            throw new ConflictException("an article with id '" + id + "' exists already");
        }
        Instant now = clock.instant();
        Articles.Head head = new Articles.Head(id, audience(in.audience()), language,
                in.owner() == null || in.owner().isBlank() ? CurrentUser.actorName() : in.owner().trim(), in.reviewDue(),
                in.tags() == null ? Tags.NONE : in.tags(), 1, null, now);
        articles.insert(head, now);
        articles.insertVersion(new Articles.Version(id, 1, title, body, CurrentUser.actorName(), now, null, null));
        ArticleView view = view(id);
        audit.record("knowledge.article.created", "knowledge-article", id, null, null, summary(view));
        return view;
    }

    /** A new version on top of {@code baseVersion}; stale (409 with the newer version) when someone saved in between. */
    @Transactional
    public ArticleView edit(String id, @Nullable Integer baseVersion, ArticleInput in) {
        Articles.Head head = head(id);
        if (baseVersion == null) {
            throw new InvalidInputException("baseVersion", "say which version the edit is based on (baseVersion)");
        }
        String title = required("title", in.title());
        String body = body(in.body());
        Articles.Head changed = new Articles.Head(id, in.audience() == null ? head.audience() : audience(in.audience()),
                head.language(), in.owner() == null || in.owner().isBlank() ? head.owner() : in.owner().trim(),
                in.reviewDue() == null ? head.reviewDue() : in.reviewDue(), in.tags() == null ? head.tags() : in.tags(),
                head.latestVersion(), head.publishedVersion(), head.updatedAt());
        Instant now = clock.instant();
        if (!articles.advance(id, baseVersion, changed, now)) {
            Articles.Head current = head(id);
            throw new StaleEditException(baseVersion, view(articles.version(id, current.latestVersion()).orElseThrow()));
        }
        articles.insertVersion(new Articles.Version(id, baseVersion + 1, title, body, CurrentUser.actorName(), now, null, null));
        ArticleView before = view(id);
        audit.record("knowledge.article.edited", "knowledge-article", id, null, java.util.Map.of("version", baseVersion),
                summary(before));
        if (head.publishedVersion() != null) {
            reindex(id);
        }
        return before;
    }

    /** Publishes a version; the approver must not be its author. */
    @Transactional
    public ArticleView publish(String id, int version) {
        Articles.Head head = head(id);
        Articles.Version v = articles.version(id, version)
                .orElseThrow(() -> new NotFoundException("article " + id + " has no version " + version));
        if (head.publishedVersion() != null && head.publishedVersion() > version) {
            throw new ConflictException("version " + head.publishedVersion() + " is published already; an older version cannot replace it");
        }
        String approver = CurrentUser.actorName();
        if (PublishPolicy.decide(v.author(), approver, v.approvedBy()) instanceof PublishPolicy.Refused refused) {
            refusals.publishRefused(id, version, refused.reason());
            throw new ConflictException(refused.reason());
        }
        articles.markPublished(id, version, approver, clock.instant());
        audit.record("knowledge.article.published", "knowledge-article", id, null,
                head.publishedVersion() == null ? null : java.util.Map.of("version", head.publishedVersion()),
                java.util.Map.of("version", version, "author", v.author(), "approver", approver));
        reindex(id);
        events.publishEvent(new dev.paydesk.knowledge.ArticlePublished(id, version, v.author(), approver));
        return view(id);
    }

    @Transactional
    public TranslationView translate(String id, String language, @Nullable String title, @Nullable String body,
                                     @Nullable Integer sourceVersion) {
        Articles.Head head = articles.head(id)
                .orElseThrow(() -> new NotFoundException("no article " + id + " to translate: create the source article first"));
        String lang = SearchLanguages.code("language", language);
        if (lang.equals(head.language())) {
            throw new InvalidInputException("language", "the article is written in " + lang + "; edit it instead of translating");
        }
        int source = sourceVersion == null ? head.latestVersion() : sourceVersion;
        if (source < 1 || source > head.latestVersion()) {
            throw new InvalidInputException("sourceVersion", "article " + id + " has versions 1 to " + head.latestVersion());
        }
        Articles.Translation t = Articles.Translation.draft(id, lang, required("title", title), body(body), source,
                CurrentUser.actorName(), clock.instant());
        articles.saveTranslation(t);
        audit.record("knowledge.translation.saved", "knowledge-article", id, null, null,
                java.util.Map.of("language", lang, "sourceVersion", source));
        return translation(id, lang, head);
    }

    /** Publishes a translation's draft; like a version, not by its translator (four eyes). */
    @Transactional
    public TranslationView publishTranslation(String id, String language) {
        Articles.Head head = head(id);
        String lang = SearchLanguages.code("language", language);
        Articles.Translation t = articles.translations(id).stream().filter(x -> x.language().equals(lang)).findFirst()
                .orElseThrow(() -> new NotFoundException("article " + id + " has no " + lang + " translation"));
        String approver = CurrentUser.actorName();
        if (PublishPolicy.decide("translation", t.translator(), approver, t.approvedBy()) instanceof PublishPolicy.Refused refused) {
            refusals.translationPublishRefused(id, lang, refused.reason());
            throw new ConflictException(refused.reason());
        }
        articles.publishTranslation(id, lang, approver, clock.instant());
        audit.record("knowledge.translation.published", "knowledge-article", id, null,
                t.publishedSourceVersion() == null ? null : java.util.Map.of("language", lang, "sourceVersion", t.publishedSourceVersion()),
                java.util.Map.of("language", lang, "sourceVersion", t.sourceVersion(), "translator", t.translator(), "approver", approver));
        if (head.publishedVersion() != null) {
            reindex(id);
        }
        return translation(id, lang, head);
    }

    private TranslationView translation(String id, String lang, Articles.Head head) {
        return articles.translations(id).stream().filter(x -> x.language().equals(lang)).findFirst()
                .map(x -> translationView(x, head)).orElseThrow();
    }

    /** An article; 404 for one tagged only for markets outside the reader's. */
    public ArticleView article(String id) {
        visible(id);
        return view(id);
    }

    public List<ArticleView> list(String sort, int page, int size) {
        return articles.page(sort, page * size, size, MarketScope.current()).stream().map(h -> view(h.id())).toList();
    }

    public List<VersionView> versions(String id) {
        visible(id);
        return articles.versions(id).stream().map(KnowledgeService::view).toList();
    }

    public VersionDiff diff(String id, int from, int to) {
        visible(id);
        Articles.Version a = articles.version(id, from).orElseThrow(() -> new NotFoundException("article " + id + " has no version " + from));
        Articles.Version b = articles.version(id, to).orElseThrow(() -> new NotFoundException("article " + id + " has no version " + to));
        return VersionDiff.between(from, "# " + a.title() + "\n\n" + a.body(), to, "# " + b.title() + "\n\n" + b.body());
    }

    /** Articles whose review date has come, oldest first, for their owners and the process manager. */
    public List<ArticleView> reviewDue() {
        List<String> scope = MarketScope.current();
        return articles.reviewDueBy(LocalDate.now(clock)).stream().filter(h -> MarketScope.allows(h.tags().markets(), scope))
                .map(h -> view(h.id())).toList();
    }

    public List<List<String>> synonyms(String team) {
        return articles.synonyms(team);
    }

    @Transactional
    public List<List<String>> replaceSynonyms(String team, @Nullable List<List<String>> groups) {
        if (groups == null) {
            throw new InvalidInputException("groups", "send the synonym groups, e.g. [[\"chargeback\", \"dispute\", \"Rückbuchung\"]]");
        }
        List<List<String>> clean = new ArrayList<>();
        for (List<String> group : groups) {
            List<String> terms = group == null ? List.of() : group.stream().filter(t -> t != null && !t.isBlank())
                    .map(t -> t.trim().toLowerCase(Locale.ROOT)).distinct().toList();
            if (terms.size() >= 2) {
                clean.add(terms);
            }
        }
        List<List<String>> before = articles.synonyms(team);
        articles.replaceSynonyms(team, clean);
        audit.record("knowledge.synonyms.replaced", "knowledge-synonyms", team, null, before, clean);
        return clean;
    }

    /** Puts the published version and every translation of an article into the live search index. */
    void reindex(String id) {
        Articles.Head head = head(id);
        if (head.publishedVersion() == null) {
            return;
        }
        Articles.Version v = articles.version(id, head.publishedVersion()).orElseThrow();
        List<SearchIndex.Document> docs = new ArrayList<>();
        docs.add(document(head, head.language(), v.title(), v.body()));
        for (Articles.Translation t : articles.translations(id)) {
            if (t.publishedTitle() != null && t.publishedBody() != null) {
                docs.add(document(head, t.language(), t.publishedTitle(), t.publishedBody()));
            }
        }
        index.remove(SearchIndex.LIVE, id);
        index.put(SearchIndex.LIVE, docs);
    }

    private static SearchIndex.Document document(Articles.Head head, String language, String title, String markdown) {
        Tags tags = head.tags();
        return new SearchIndex.Document(head.id(), language, head.audience(), title, MarkdownRenderer.toPlainText(markdown),
                tags.markets(), tags.methods(), tags.providers(), tags.categories());
    }

    /** 404 for an article that does not exist or is tagged only for markets outside the reader's. */
    void visible(String id) {
        if (!MarketScope.allows(head(id).tags().markets(), MarketScope.current())) {
            throw new NotFoundException("no article " + id);
        }
    }

    private Articles.Head head(String id) {
        return articles.head(id).orElseThrow(() -> new NotFoundException("no article " + id));
    }

    private ArticleView view(String id) {
        Articles.Head head = head(id);
        VersionView latest = view(articles.version(id, head.latestVersion()).orElseThrow());
        List<TranslationView> translations = articles.translations(id).stream().map(t -> translationView(t, head)).toList();
        boolean overdue = head.reviewDue() != null && !head.reviewDue().isAfter(LocalDate.now(clock));
        return new ArticleView(id, latest.title(), head.audience(), head.language(), head.owner(), head.reviewDue(), overdue,
                head.tags(), head.latestVersion(), head.publishedVersion(), latest, translations);
    }

    private static VersionView view(Articles.Version v) {
        return new VersionView(v.version(), v.title(), v.body(), MarkdownRenderer.toSafeHtml(v.body()), v.author(),
                v.createdAt(), v.approvedBy(), v.approvedAt());
    }

    private static TranslationView translationView(Articles.Translation t, Articles.Head head) {
        return new TranslationView(t.language(), t.title(), t.body(), MarkdownRenderer.toSafeHtml(t.body()), t.sourceVersion(),
                TranslationStatus.of(t.sourceVersion(), head.publishedVersion(), head.latestVersion()), t.translator(),
                t.updatedAt(), t.approvedBy(), t.approvedAt(), t.publishedSourceVersion());
    }

    private static java.util.Map<String, Object> summary(ArticleView v) {
        return java.util.Map.of("title", v.title(), "version", v.latestVersion(), "audience", v.audience(),
                "owner", v.owner(), "tags", v.tags());
    }

    private static String required(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
        if (value.length() > 300) {
            throw new InvalidInputException(field, field + " is longer than 300 characters");
        }
        return value.trim();
    }

    private static String body(@Nullable String body) {
        if (body == null) {
            throw new InvalidInputException("body", "body (Markdown) is required");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidInputException("body", "an article body is at most " + MAX_BODY + " characters");
        }
        return body;
    }

    private static String audience(@Nullable String audience) {
        if (audience == null) {
            return "INTERNAL";
        }
        String a = audience.trim().toUpperCase(Locale.ROOT);
        if (!a.equals("INTERNAL") && !a.equals("CUSTOMER")) {
            throw new InvalidInputException("audience", "audience is INTERNAL or CUSTOMER");
        }
        return a;
    }

    private static String slug(String title) {
        String base = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        base = base.length() > 60 ? base.substring(0, 60) : base;
        return (base.length() < 3 ? "article" : base) + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
