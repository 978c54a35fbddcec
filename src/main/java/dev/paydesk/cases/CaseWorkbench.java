package dev.paydesk.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The tools around working a case: reply macros with placeholders, versioned SOP checklists, CSAT
 * surveys and saved queue views.
 */
public interface CaseWorkbench {

    /** A reply macro; {@code articles} are the ids of knowledge articles it links (shown beside its text). */
    record Macro(String code, String language, String title, String body, List<String> articles) {

        public Macro {
            articles = List.copyOf(articles);
        }

        public Macro(String code, String language, String title, String body) {
            this(code, language, title, body, List.of());
        }

        /** The macro with this code among {@code macros}; an unknown code is refused naming the field {@code macro}. */
        public static Macro find(List<Macro> macros, String code) {
            return macros.stream().filter(m -> m.code().equals(code)).findFirst()
                    .orElseThrow(() -> new dev.paydesk.shared.InvalidInputException("macro", "no macro '" + code + "'"));
        }
    }

    record Sop(long id, String category, @Nullable String market, int version, String title, List<Step> steps) {
    }

    record Step(int number, String text, @Nullable String doneBy, @Nullable Instant doneAt) {
    }

    record Survey(Instant sentAt, Instant expiresAt, @Nullable Integer rating, @Nullable String comment,
                  @Nullable Instant answeredAt) {
    }

    record SavedView(long id, String name, String query) {
    }

    /** CSAT results grouped by queue, agent or category. */
    record CsatRow(String group, long sent, long answered, double averageRating) {
    }

    List<Macro> macros(String language);

    /** Saves a macro; every linked article must exist (an unknown id is refused naming the field {@code articles}). */
    Macro saveMacro(Macro macro);

    /**
     * The articles a macro (as the caller loaded it with {@link #macros}) links, as the signed-in user may see them
     * (others are left out), in the case's language.
     */
    List<ArticleDirectory.ArticleLink> macroArticles(Macro macro, String language);

    /** The macro's body with placeholders ({{case.key}}, {{order.amount_due}}, …) filled from the case and its order. */
    String renderMacro(UUID caseId, String macroCode);

    /** {@link #renderMacro(UUID, String)} for a macro the caller has already loaded with {@link #macros}. */
    String renderMacro(UUID caseId, Macro macro);

    /** The current SOP for the case's category and market (market-specific before generic), with the steps done. */
    Optional<Sop> sop(CaseSummary c);

    /** Publishes a new version of the SOP for a category (and optionally a market). */
    Sop publishSop(String category, @Nullable String market, String title, List<String> steps);

    void checkSopStep(UUID caseId, long sopId, int step);

    /** Adds a signed, expiring survey link to a resolution message. */
    String withSurvey(UUID caseId, String message);

    Optional<Survey> csat(UUID caseId);

    List<CsatRow> csatBy(String dimension);

    List<SavedView> savedViews();

    void saveView(String name, String query);
}
