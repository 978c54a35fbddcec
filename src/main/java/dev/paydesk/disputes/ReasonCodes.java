package dev.paydesk.disputes;

import java.util.List;
import java.util.Optional;

/** The reason-code catalogue: read by everyone, edited by process managers (audited). */
public interface ReasonCodes {

    List<ReasonCode> all();

    Optional<ReasonCode> find(String scheme, String code);

    /** The catalogue entry for a dispute's raw code: the network's entry, else the provider's, else none. */
    Optional<ReasonCode> resolve(CardNetwork network, String provider, String code);

    /** Changes title, category, window or evidence; {@code version} must match (409 otherwise). */
    ReasonCode update(ReasonCode changed);

    ReasonCode create(ReasonCode code);
}
