package dev.paydesk.quality;

import java.time.LocalDate;
import java.util.List;

import dev.paydesk.quality.reports.IqsPoint;
import dev.paydesk.quality.reports.Pareto;

/** Quality reports over the caller's markets (agents: their own reviews). */
public interface QualityReports {

    /** What an IQS report is grouped by. */
    enum Dimension {
        AGENT, MARKET, CATEGORY, REVIEWER,
        /** The agent's supplier ({@link #IN_HOUSE} for agents without one). */
        SUPPLIER,
        /** Each of the agent's teams (a review counts for every team of its agent; {@code —} without team). */
        TEAM
    }

    /** The group of agents without a supplier in reports by supplier. */
    String IN_HOUSE = "in-house";

    /** IQS per group and week, reviews submitted in {@code from}..{@code to} (UTC days). */
    List<IqsPoint> iqs(Dimension by, LocalDate from, LocalDate to);

    /** Failed criteria ("no", or a rating of 1 or 2) of counting reviews, most frequent first, 80 % cutoff. */
    List<Pareto.Line> pareto(LocalDate from, LocalDate to);
}
