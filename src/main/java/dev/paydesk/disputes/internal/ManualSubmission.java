package dev.paydesk.disputes.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.disputes.EvidencePack;

/**
 * For accounts without a provider API configured: the specialist uploads the PDF in the provider's
 * portal and Paydesk records that the answer was sent.
 */
@Component
@Order(100)
class ManualSubmission implements SubmissionAdapter {

    @Override
    public String name() {
        return "manual";
    }

    @Override
    public boolean handles(DisputeSummary dispute, DisputeProperties.@Nullable Account account) {
        return true;
    }

    @Override
    public Result submit(DisputeSummary dispute, EvidencePack pack, byte[] pdf, DisputeProperties.@Nullable Account account) {
        return new Result(true, "evidence pack (" + pdf.length + " bytes) recorded as uploaded in the "
                + dispute.provider() + " portal by the specialist");
    }
}
