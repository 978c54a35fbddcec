package dev.paydesk.insights.internal;

import java.io.IOException;
import java.io.Reader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;

/** Stores imported reference rates (an upsert per currency and day; audited) and loads them as an {@link FxTable}. */
@Component
class FxRates implements dev.paydesk.insights.FxRateImport {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    FxRates(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Imports an ECB-format CSV whole or not at all; returns the number of rates stored. */
    @Override
    @Transactional
    public int importCsv(Reader csv, String source) throws IOException {
        FxTable parsed = new FxTable();
        parsed.readEcbCsv(csv);
        List<FxTable.Rate> rates = parsed.rates();
        Timestamp now = Timestamp.from(clock.instant());
        for (FxTable.Rate r : rates) {
            jdbc.sql("""
                    insert into insights_fx_rate (day, currency, per_eur, source, imported_at) values (?, ?, ?, ?, ?)
                    on conflict (currency, day) do update set per_eur = excluded.per_eur, source = excluded.source,
                        imported_at = excluded.imported_at""")
                    .params(r.day(), r.currency(), r.perEur(), source, now).update();
        }
        LocalDate first = rates.stream().map(FxTable.Rate::day).min(LocalDate::compareTo).orElse(null);
        LocalDate last = rates.stream().map(FxTable.Rate::day).max(LocalDate::compareTo).orElse(null);
        audit.record("insights.fx-imported", "insights_fx_rate", source, null, null,
                java.util.Map.of("rates", rates.size(), "from", String.valueOf(first), "to", String.valueOf(last)));
        return rates.size();
    }

    /** The stored rates from a day on (a few days earlier, so a weekend at the start still converts). */
    FxTable load(LocalDate from) {
        FxTable table = new FxTable();
        jdbc.sql("select day, currency, per_eur from insights_fx_rate where day >= ?")
                .param(from.minusDays(FxTable.MAX_STALE_DAYS))
                .query(rs -> {
                    table.put(rs.getObject(1, LocalDate.class), rs.getString(2).strip(), rs.getBigDecimal(3));
                });
        return table;
    }
}
