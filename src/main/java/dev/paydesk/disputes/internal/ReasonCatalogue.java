package dev.paydesk.disputes.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.disputes.CardNetwork;
import dev.paydesk.disputes.EvidenceItem;
import dev.paydesk.disputes.ReasonCategory;
import dev.paydesk.disputes.ReasonCode;
import dev.paydesk.disputes.ReasonCodes;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/** The reason-code catalogue in {@code disputes_reason_code}; every edit audited. */
@Service
class ReasonCatalogue implements ReasonCodes {

    private static final String COLUMNS = "scheme, code, title, category, response_days, evidence, source, version";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ReasonCatalogue(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public List<ReasonCode> all() {
        return jdbc.sql("select " + COLUMNS + " from disputes_reason_code order by scheme, code")
                .query(ReasonCatalogue::map).list();
    }

    @Override
    public Optional<ReasonCode> find(String scheme, String code) {
        return jdbc.sql("select " + COLUMNS + " from disputes_reason_code where scheme = ? and code = ?")
                .params(scheme.toUpperCase(Locale.ROOT), code.trim().toUpperCase(Locale.ROOT))
                .query(ReasonCatalogue::map).optional();
    }

    @Override
    public Optional<ReasonCode> resolve(CardNetwork network, String provider, String code) {
        if (network != CardNetwork.UNKNOWN) {
            Optional<ReasonCode> byNetwork = find(network.name(), code);
            if (byNetwork.isPresent()) {
                return byNetwork;
            }
        }
        Optional<ReasonCode> byProvider = find(provider, code);
        if (byProvider.isPresent()) {
            return byProvider;
        }
        // a card code without a known network: Visa's 1x.y and Mastercard's 48xx are unambiguous
        if (code.matches("1[0-3]\\.\\d+(\\.\\d+)?")) {
            return find("VISA", code);
        }
        if (code.matches("4[89]\\d\\d")) {
            return find("MASTERCARD", code);
        }
        return Optional.empty();
    }

    /** The category of a raw code, {@link ReasonCategory#OTHER} when the catalogue does not know it. */
    ReasonCategory categorise(CardNetwork network, String provider, @org.jspecify.annotations.Nullable String code) {
        if (code == null) {
            return ReasonCategory.OTHER;
        }
        return resolve(network, provider, code).map(ReasonCode::category).orElse(ReasonCategory.OTHER);
    }

    /** The evidence most catalogue entries of a category ask for (for codes the catalogue does not know). */
    List<EvidenceItem> evidenceFor(ReasonCategory category) {
        return jdbc.sql("select evidence from disputes_reason_code where category = ? group by evidence"
                        + " order by count(*) desc limit 1")
                .param(category.name()).query(String.class).optional()
                .filter(e -> !e.isBlank())
                .map(e -> Arrays.stream(e.split(",")).map(String::trim).map(EvidenceItem::valueOf).toList())
                .orElse(List.of(EvidenceItem.RECEIPT, EvidenceItem.CUSTOMER_COMMUNICATION));
    }

    @Override
    @Transactional
    public ReasonCode update(ReasonCode changed) {
        validate(changed);
        ReasonCode before = find(changed.scheme(), changed.code())
                .orElseThrow(() -> new NotFoundException("no reason code " + changed.scheme() + " " + changed.code()));
        int rows = jdbc.sql("""
                        update disputes_reason_code set title = ?, category = ?, response_days = ?, evidence = ?, source = ?,
                            version = version + 1 where scheme = ? and code = ? and version = ?""")
                .params(changed.title(), changed.category().name(), changed.responseDays(), evidence(changed.evidence()),
                        changed.source(), before.scheme(), before.code(), changed.version())
                .update();
        if (rows != 1) {
            throw new ConflictException("reason code " + before.code() + " was changed by someone else (version "
                    + before.version() + ")");
        }
        ReasonCode after = find(before.scheme(), before.code()).orElseThrow();
        audit.record("dispute.reason-code.updated", "reason_code", before.scheme() + ":" + before.code(), null, before, after);
        return after;
    }

    @Override
    @Transactional
    public ReasonCode create(ReasonCode code) {
        validate(code);
        String scheme = code.scheme().trim().toUpperCase(Locale.ROOT);
        String value = code.code().trim().toUpperCase(Locale.ROOT);
        int rows = jdbc.sql("""
                        insert into disputes_reason_code (scheme, code, title, category, response_days, evidence, source)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(scheme, value, code.title(), code.category().name(), code.responseDays(),
                        evidence(code.evidence()), code.source())
                .update();
        if (rows != 1) {
            throw new ConflictException("reason code " + scheme + " " + value + " exists");
        }
        ReasonCode created = find(scheme, value).orElseThrow();
        audit.record("dispute.reason-code.created", "reason_code", scheme + ":" + value, null, null, created);
        return created;
    }

    private static void validate(ReasonCode code) {
        if (code.scheme().isBlank() || !code.scheme().matches("[A-Za-z_]{2,16}")) {
            throw new InvalidInputException("scheme", "must be a scheme name such as VISA");
        }
        if (code.code().isBlank() || code.code().length() > 80) {
            throw new InvalidInputException("code", "must be 1 to 80 characters");
        }
        if (code.title().isBlank()) {
            throw new InvalidInputException("title", "must not be blank");
        }
        if (code.responseDays() < 1 || code.responseDays() > 120) {
            throw new InvalidInputException("responseDays", "must be between 1 and 120");
        }
    }

    private static String evidence(List<EvidenceItem> items) {
        return items.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static ReasonCode map(ResultSet rs, int n) throws SQLException {
        String evidence = rs.getString("evidence");
        List<EvidenceItem> items = evidence == null || evidence.isBlank() ? List.of()
                : Arrays.stream(evidence.split(",")).map(String::trim).map(EvidenceItem::valueOf).toList();
        return new ReasonCode(rs.getString("scheme"), rs.getString("code"), rs.getString("title"),
                ReasonCategory.valueOf(rs.getString("category")), rs.getInt("response_days"), items,
                rs.getString("source"), rs.getInt("version"));
    }
}
