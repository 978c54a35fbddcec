package dev.paydesk.quality;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Versioned scorecards: per category group and market, with fallback to broader ones. */
public interface Scorecards {

    /** Every version, newest first; {@code activeOnly} leaves retired versions out. */
    List<Scorecard> list(boolean activeOnly);

    Scorecard version(UUID id);

    /** Saves the next version of the scorecard named in the draft and retires the version before; audited. */
    Scorecard save(ScorecardDraft draft);

    /** Retires a version: it keeps its reviews but takes no new ones; audited. */
    Scorecard retire(UUID id);

    /** The most specific active scorecard for a case of this category in this market. */
    Optional<Scorecard> forCase(@Nullable String category, String market);
}
