package dev.paydesk.payments.internal;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.payments.FileImports;
import dev.paydesk.payments.ImportResult;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.PanBoundary;
import dev.paydesk.shared.InvalidInputException;

/**
 * File imports. Each runs in one transaction (a crash halfway leaves nothing half-imported) and adds
 * a row only when its content key is new, so importing the same file again adds nothing. Rows that
 * cannot be read go to the quarantine with their line number; the rest still import. The Adyen
 * settlement report, the one that comes with millions of rows, has its own bulk path
 * ({@link AdyenSettlementImport}).
 */
@Service
class FileImportService implements FileImports {

    private final JdbcClient jdbc;
    private final PaymentsStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final ReportImports reports;
    private final BankStatementImport bank;
    private final AdyenSettlementImport adyen;
    private final PanBoundary pan;
    private final MerchantFeedImport feeds;

    FileImportService(JdbcClient jdbc, PaymentsStore store, AuditLog audit, Clock clock, ReportImports reports,
                      BankStatementImport bank, AdyenSettlementImport adyen, PanBoundary pan, MerchantFeedImport feeds) {
        this.pan = pan;
        this.feeds = feeds;
        this.reports = reports;
        this.bank = bank;
        this.adyen = adyen;
        this.jdbc = jdbc;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<String> kinds() {
        return List.of("adyen-settlement", "stripe-balance", "paypal-settlement", "klarna-settlement", "camt053",
                "orders", "refund-requests", "captures");
    }

    @Override
    @Transactional
    public ImportResult importFile(String kind, String rawFileName, InputStream rawContent) {
        // the one choke point of every payment file reader: each line passes the card-number boundary as it is read
        String fileName = pan.text(rawFileName);
        InputStream content = pan.stream(rawContent);
        Instant started = clock.instant();
        Counts counts = switch (kind) {
            case "adyen-settlement" -> counts(adyen.load(fileName, content));
            case "stripe-balance" -> counts(reports.stripe(fileName, content));
            case "paypal-settlement" -> counts(reports.paypal(fileName, content));
            case "klarna-settlement" -> counts(reports.klarna(fileName, content));
            case "camt053" -> counts(bank.camt053(fileName, content));
            case "orders" -> counts(feeds.orders(fileName, content));
            case "refund-requests" -> counts(feeds.refundRequests(fileName, content));
            case "captures" -> counts(feeds.captures(fileName, content));
            default -> throw new InvalidInputException("kind", "unknown import kind '" + kind + "'; known: " + kinds());
        };
        Instant finished = clock.instant();
        ImportResult result = new ImportResult(kind, fileName, counts.read, counts.added, counts.bad,
                Duration.between(started, finished));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into payments_import (id, kind, file_name, rows_read, rows_new, rows_bad, started_at, finished_at, actor)
                values (:id, :kind, :file, :read, :added, :bad, :started, :finished, :actor)""")
                .param("id", id).param("kind", kind).param("file", fileName).param("read", counts.read)
                .param("added", counts.added).param("bad", counts.bad).param("started", Timestamp.from(started))
                .param("finished", Timestamp.from(finished)).param("actor", CurrentUser.actorName()).update();
        audit.record("payments.file_imported", "payments_import", id.toString(), null, null, result);
        announce(kind, fileName, counts);
        return result;
    }

    private org.springframework.context.@Nullable ApplicationEventPublisher events;

    @org.springframework.beans.factory.annotation.Autowired
    void events(org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
    }

    /**
     * Tells reconciliation and insights which booking dates a settlement file covered (published with the import's
     * transaction). The dates are the file's own, as its import read them: the stored lines of a large batch's
     * partition name no file, and a look-up by file name would scan every line ever imported.
     */
    private void announce(String kind, String fileName, Counts counts) {
        if (events == null || !kind.endsWith("-settlement") && !kind.equals("stripe-balance")) {
            return;
        }
        events.publishEvent(new dev.paydesk.payments.PaymentFileImported(kind, fileName, counts.added, counts.firstBooked,
                counts.lastBooked));
    }

    private static Counts counts(ReportImports.Counts c) {
        Counts counts = new Counts();
        counts.read = c.read();
        counts.added = c.added();
        counts.bad = c.bad();
        counts.firstBooked = c.firstBooked();
        counts.lastBooked = c.lastBooked();
        return counts;
    }

    private static final class Counts {
        int read;
        int added;
        int bad;
        @Nullable Instant firstBooked;
        @Nullable Instant lastBooked;
    }

}
