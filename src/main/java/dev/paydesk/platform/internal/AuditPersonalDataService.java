package dev.paydesk.platform.internal;

import java.time.Instant;
import java.util.Collection;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditPersonalData;

/** {@link AuditPersonalData} over the subject keys ({@link PersonalAuditValues}) and the chain ({@link JdbcAuditLog}). */
@Service
class AuditPersonalDataService implements AuditPersonalData {

    private final PersonalAuditValues values;
    private final JdbcAuditLog audit;

    AuditPersonalDataService(PersonalAuditValues values, JdbcAuditLog audit) {
        this.values = values;
        this.audit = audit;
    }

    @Override
    @Transactional
    public int destroySubjectKeys(Collection<String> subjects, boolean dryRun) {
        return values.destroySubjects(subjects, dryRun);
    }

    @Override
    @Transactional
    public int destroyKeysBefore(Instant cutoff, boolean dryRun) {
        return values.destroyBefore(cutoff, dryRun);
    }

    @Override
    public @Nullable String reveal(@Nullable String stored) {
        return values.reveal(stored);
    }

    @Override
    public @Nullable Reanchoring reanchor() {
        return audit.reanchor();
    }
}
