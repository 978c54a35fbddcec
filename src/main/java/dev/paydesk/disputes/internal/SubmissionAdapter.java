package dev.paydesk.disputes.internal;

import org.jspecify.annotations.Nullable;

import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.disputes.EvidencePack;

/** Sends an evidence pack to the provider of a dispute. The first adapter that handles a dispute is used. */
interface SubmissionAdapter {

    String name();

    boolean handles(DisputeSummary dispute, DisputeProperties.@Nullable Account account);

    Result submit(DisputeSummary dispute, EvidencePack pack, byte[] pdf, DisputeProperties.@Nullable Account account);

    /** The provider's answer: accepted or not, and what it said. */
    record Result(boolean accepted, String response) {
    }
}
