package dev.paydesk.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which supplier (empty = in-house) and which teams users belong to, for reports and sampling. */
public interface UserAffiliations {

    /** A user's supplier (empty = in-house) and teams (sorted). */
    record Affiliation(Optional<String> supplier, List<String> teams) {
        public static final Affiliation IN_HOUSE = new Affiliation(Optional.empty(), List.of());

        public Affiliation {
            teams = List.copyOf(teams);
        }
    }

    /** The affiliation of a user by username; {@link Affiliation#IN_HOUSE} for unknown users. */
    Affiliation of(String username);

    /** Affiliations of all users, by lower-case username. */
    Map<String, Affiliation> all();
}
