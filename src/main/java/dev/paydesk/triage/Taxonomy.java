package dev.paydesk.triage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The team's category tree, edited by process managers. Categories are deactivated, never deleted. */
@Service
public class Taxonomy {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json;

    private final dev.paydesk.cases.CaseSettings caseSettings;

    Taxonomy(JdbcClient jdbc, AuditLog audit, Clock clock, JsonMapper json, dev.paydesk.cases.CaseSettings caseSettings) {
        this.caseSettings = caseSettings;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    /** All categories, parents before children, by code. */
    public List<Category> categories() {
        return jdbc.sql("""
                with recursive tree(code, path) as (
                    select code, code::text from triage_categories where parent_code is null
                    union all select c.code, tree.path || '/' || c.code from triage_categories c join tree on c.parent_code = tree.code)
                select c.* from triage_categories c join tree using (code) order by tree.path""").query(this::row).list();
    }

    public Optional<Category> find(String code) {
        return jdbc.sql("select * from triage_categories where code = ?").param(code).query(this::row).optional();
    }

    public Category category(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("category " + code));
    }

    @Transactional
    public Category create(CategorySpec spec) {
        if (find(spec.code()).isPresent()) {
            throw new ConflictException("category " + spec.code() + " exists");
        }
        requireParent(spec);
        requireQueue(spec);
        jdbc.sql("""
                insert into triage_categories (code, parent_code, names, description, default_queue, sop_ref, updated_at)
                values (?, ?, cast(? as jsonb), ?, ?, ?, ?)""")
                .params(spec.code(), spec.parentCode(), json.writeValueAsString(spec.names()), spec.description(),
                        spec.defaultQueue(), spec.sopRef(), Timestamp.from(clock.instant())).update();
        Category created = category(spec.code());
        audit.record("triage.category.created", "triage_category", spec.code(), null, null, created);
        return created;
    }

    /** Updates a category; {@code expectedVersion} guards against overwriting someone else's edit. */
    @Transactional
    public Category update(String code, CategorySpec spec, int expectedVersion, boolean active) {
        Category before = category(code);
        if (!code.equals(spec.code())) {
            throw new InvalidInputException("code", "the code of a category cannot change");
        }
        requireParent(spec);
        requireQueue(spec);
        requireNoCycle(code, spec.parentCode());
        int updated = jdbc.sql("""
                update triage_categories set parent_code = ?, names = cast(? as jsonb), description = ?, default_queue = ?,
                    sop_ref = ?, active = ?, version = version + 1, updated_at = ? where code = ? and version = ?""")
                .params(spec.parentCode(), json.writeValueAsString(spec.names()), spec.description(), spec.defaultQueue(),
                        spec.sopRef(), active, Timestamp.from(clock.instant()), code, expectedVersion).update();
        if (updated == 0) {
            throw new ConflictException("category " + code + " was changed by someone else; reload and try again");
        }
        Category after = category(code);
        audit.record("triage.category.updated", "triage_category", code, null, before, after);
        return after;
    }

    /** A category routes to a queue of the case desk that exists, or to none (triage decides). */
    private void requireQueue(CategorySpec spec) {
        if (spec.defaultQueue() != null && caseSettings.queues().stream().noneMatch(q -> q.code().equals(spec.defaultQueue()))) {
            throw new InvalidInputException("defaultQueue", "there is no queue '" + spec.defaultQueue() + "'; choose one of "
                    + String.join(", ", caseSettings.queues().stream().map(dev.paydesk.cases.CaseSettings.Queue::code).toList()));
        }
    }

    private void requireParent(CategorySpec spec) {
        if (spec.parentCode() != null && find(spec.parentCode()).isEmpty()) {
            throw new InvalidInputException("parentCode", "no category " + spec.parentCode());
        }
    }

    private void requireNoCycle(String code, @Nullable String parentCode) {
        Set<String> seen = new HashSet<>();
        String current = parentCode;
        while (current != null) {
            if (current.equals(code) || !seen.add(current)) {
                throw new InvalidInputException("parentCode", "a category cannot sit below itself");
            }
            current = category(current).parentCode();
        }
    }

    private Category row(ResultSet rs, int n) throws SQLException {
        Map<String, String> names = json.readValue(rs.getString("names"), new TypeReference<Map<String, String>>() { });
        return new Category(rs.getString("code"), rs.getString("parent_code"), names, rs.getString("description"),
                rs.getString("default_queue"), rs.getString("sop_ref"), rs.getBoolean("active"), rs.getInt("version"));
    }
}
