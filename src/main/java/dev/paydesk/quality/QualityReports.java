package dev.paydesk.quality;

import java.time.LocalDate;
import java.util.List;

import dev.paydesk.quality.reports.IqsPoint;
import dev.paydesk.quality.reports.Pareto;

/** Quality reports over the caller's markets (agents: their own reviews). */
public interface QualityReports {

    /** What an IQS report is grouped by. */
    enum Dimension {
        AGENT, MARKET, CATEGORY, REVIEWER
    }

    /** IQS per group and week, reviews submitted in {@code from}..{@code to} (UTC days). */
    List<IqsPoint> iqs(Dimension by, LocalDate from, LocalDate to);

    /** Failed criteria ("no", or a rating of 1 or 2) of counting reviews, most frequent first, 80 % cutoff. */
    List<Pareto.Line> pareto(LocalDate from, LocalDate to);
}
