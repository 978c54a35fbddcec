package dev.paydesk.privacy.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.AuditPersonalData;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.privacy.DataKind;
import dev.paydesk.privacy.PersonalDataHolder;
import dev.paydesk.privacy.Touched;
import dev.paydesk.shared.InvalidInputException;

/**
 * Retention periods per kind of personal data and the daily run that applies them through every
 * {@link PersonalDataHolder} (and the audit log's subject keys). A kind without a period is kept until
 * erased. The run is one transaction; a dry run counts what the next run would touch and changes nothing.
 */
@Service
public class RetentionService {

    static final int MAX_DAYS = 36_500;

    private final JdbcClient jdbc;
    private final List<PersonalDataHolder> holders;
    private final AuditPersonalData auditValues;
    private final AuditLog audit;
    private final Clock clock;

    RetentionService(JdbcClient jdbc, List<PersonalDataHolder> holders, AuditPersonalData auditValues, AuditLog audit,
                     Clock clock) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.auditValues = auditValues;
        this.audit = audit;
        this.clock = clock;
    }

    /** A kind's period ({@code days} null: kept until erased) and who set it. */
    public record Setting(DataKind kind, @Nullable Integer days, @Nullable String updatedBy, @Nullable Instant updatedAt) {
    }

    /** What a run did (or, dry, would do). */
    public record Report(boolean dryRun, Instant at, Map<DataKind, Instant> cutoffs, List<Touched> touched) {
        public long total() {
            return touched.stream().mapToLong(Touched::count).sum();
        }
    }

    public List<Setting> settings() {
        return jdbc.sql("select kind, days, updated_by, updated_at from privacy_retention")
                .query((rs, i) -> new Setting(DataKind.valueOf(rs.getString(1)), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list().stream().sorted(java.util.Comparator.comparing(Setting::kind)).toList();
    }

    /** Sets the periods given (null: keep until erased); kinds not named stay as they are. */
    @Transactional
    public List<Setting> update(Map<DataKind, @Nullable Integer> days) {
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        for (Map.Entry<DataKind, @Nullable Integer> e : days.entrySet()) {
            Integer d = e.getValue();
            if (d != null && (d < 1 || d > MAX_DAYS)) {
                throw new InvalidInputException(e.getKey().name(), "a retention period is 1 to " + MAX_DAYS
                        + " days, or empty to keep the data until it is erased");
            }
            int old = jdbc.sql("select coalesce(days, 0) from privacy_retention where kind = ? for update")
                    .param(e.getKey().name()).query(Integer.class).single();
            before.put(e.getKey().name(), old == 0 ? "kept until erased" : old + " days");
            after.put(e.getKey().name(), d == null ? "kept until erased" : d + " days");
            jdbc.sql("update privacy_retention set days = ?, updated_by = ?, updated_at = ? where kind = ?")
                    .params(d, CurrentUser.actorName(), Timestamp.from(clock.instant()), e.getKey().name()).update();
        }
        audit.record("privacy.retention-changed", "privacy_retention", "periods", null, before, after);
        return settings();
    }

    /** Applies the periods as of now. */
    @Transactional
    public Report run(boolean dryRun) {
        return run(dryRun, clock.instant());
    }

    /** Applies the periods as of {@code now}. */
    @Transactional
    public Report run(boolean dryRun, Instant now) {
        Map<DataKind, Instant> cutoffs = new EnumMap<>(DataKind.class);
        for (Setting s : settings()) {
            if (s.days() != null) {
                cutoffs.put(s.kind(), now.minus(Duration.ofDays(s.days())));
            }
        }
        List<Touched> touched = new ArrayList<>();
        if (!cutoffs.isEmpty()) {
            for (PersonalDataHolder holder : holders) {
                touched.addAll(holder.applyRetention(cutoffs, dryRun));
            }
            Instant auditCutoff = cutoffs.get(DataKind.AUDIT_VALUES);
            if (auditCutoff != null) {
                touched.add(new Touched("audit", "audit value keys of months past retention destroyed",
                        auditValues.destroyKeysBefore(auditCutoff, dryRun)));
            }
        }
        Report report = new Report(dryRun, now, cutoffs, touched.stream().filter(t -> t.count() > 0).toList());
        if (!dryRun) {
            Map<String, Object> done = new LinkedHashMap<>();
            report.touched().forEach(t -> done.put(t.holder() + ": " + t.what(), t.count()));
            audit.record("privacy.retention-run", "privacy_retention", "run", null, null, done);
        }
        return report;
    }
}
