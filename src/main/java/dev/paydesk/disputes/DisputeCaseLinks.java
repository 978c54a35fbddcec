package dev.paydesk.disputes;

import java.util.List;
import java.util.UUID;

/**
 * The cases a dispute is worked in, for the dispute page's link to its case. Disputes own this interface and
 * the case desk implements it (cases already listens to disputes), so no dependency points from disputes back to
 * cases. Without a case desk there is simply no link.
 */
public interface DisputeCaseLinks {

    /** The cases linked to the dispute that the signed-in user may open. */
    List<CaseRef> casesOf(UUID disputeId);

    /**
     * @param key the case's human key, e.g. {@code PD-100231}
     * @param path where the case page is
     */
    record CaseRef(String key, String path) {
    }
}
