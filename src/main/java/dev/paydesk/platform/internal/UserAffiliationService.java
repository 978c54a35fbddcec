package dev.paydesk.platform.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.SupplierDirectory;
import dev.paydesk.platform.UserAffiliations;
import dev.paydesk.shared.InvalidInputException;

/** Stores users' supplier and teams (columns of platform_user); the supplier must be one the directory knows. */
@Service
public class UserAffiliationService implements UserAffiliations {

    static final int MAX_TEAMS = 20;
    static final int MAX_TEAM_LENGTH = 64;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ObjectProvider<SupplierDirectory> directory;

    UserAffiliationService(JdbcClient jdbc, AuditLog audit, ObjectProvider<SupplierDirectory> directory) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.directory = directory;
    }

    /** Supplier code to name of every supplier a user may belong to. */
    public Map<String, String> suppliers() {
        SupplierDirectory d = directory.getIfAvailable();
        return d == null ? Map.of() : d.suppliers();
    }

    /**
     * Checks and normalises a supplier (blank = in-house) and a comma-separated list of teams.
     *
     * @throws InvalidInputException on field {@code supplier} or {@code teams}
     */
    public Affiliation validate(@Nullable String supplier, @Nullable String teams) {
        String code = supplier == null || supplier.isBlank() ? null : supplier.trim();
        if (code != null && !suppliers().containsKey(code)) {
            throw new InvalidInputException("supplier", "unknown supplier '" + code + "' (known: "
                    + String.join(", ", suppliers().keySet()) + "; leave empty for in-house)");
        }
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (teams != null) {
            Arrays.stream(teams.split(",")).map(String::trim).filter(t -> !t.isEmpty()).forEach(t -> {
                if (t.length() > MAX_TEAM_LENGTH) {
                    throw new InvalidInputException("teams", "a team name has at most " + MAX_TEAM_LENGTH + " characters");
                }
                names.add(t);
            });
        }
        if (names.size() > MAX_TEAMS) {
            throw new InvalidInputException("teams", "at most " + MAX_TEAMS + " teams");
        }
        return new Affiliation(Optional.ofNullable(code), List.copyOf(names));
    }

    public Affiliation of(UUID userId) {
        return jdbc.sql("select supplier, teams from platform_user where id = :id").param("id", userId)
                .query((rs, n) -> map(rs.getString("supplier"), rs.getArray("teams"))).optional()
                .orElse(Affiliation.IN_HOUSE);
    }

    /** Sets a user's affiliation (already validated); audited when it changes. */
    @Transactional
    public void set(UUID userId, Affiliation affiliation) {
        Affiliation before = of(userId);
        if (before.equals(affiliation)) {
            return;
        }
        jdbc.sql("update platform_user set supplier = :s, teams = :t, version = version + 1 where id = :id")
                .param("id", userId).param("s", affiliation.supplier().orElse(null))
                .param("t", affiliation.teams().toArray(String[]::new)).update();
        audit.record("user.affiliation_changed", "user", userId.toString(), null, view(before), view(affiliation));
    }

    @Override
    public Affiliation of(String username) {
        return jdbc.sql("select supplier, teams from platform_user where lower(username) = lower(:u)")
                .param("u", username).query((rs, n) -> map(rs.getString("supplier"), rs.getArray("teams")))
                .optional().orElse(Affiliation.IN_HOUSE);
    }

    @Override
    public Map<String, Affiliation> all() {
        return jdbc.sql("select username, supplier, teams from platform_user")
                .query((rs, n) -> Map.entry(rs.getString("username").toLowerCase(Locale.ROOT),
                        map(rs.getString("supplier"), rs.getArray("teams"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    private static Map<String, Object> view(Affiliation a) {
        return Map.of("supplier", a.supplier().orElse(""), "teams", a.teams());
    }

    private static Affiliation map(@Nullable String supplier, java.sql.@Nullable Array teams) throws java.sql.SQLException {
        List<String> names = teams == null ? List.of() : List.of((String[]) teams.getArray());
        return new Affiliation(Optional.ofNullable(supplier), names);
    }
}
