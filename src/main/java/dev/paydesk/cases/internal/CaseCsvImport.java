package dev.paydesk.cases.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseImport;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.NewCase;
import dev.paydesk.cases.Priority;
import dev.paydesk.platform.PanBoundary;
import dev.paydesk.shared.InvalidInputException;

/** CSV intake: each row in its own transaction, so one bad row loses nothing else. */
@Service
class CaseCsvImport implements CaseImport {

    private static final Set<String> REQUIRED = Set.of("subject", "market");

    private final CaseDesk desk;
    private final TransactionTemplate tx;
    private final PanBoundary pan;

    CaseCsvImport(CaseDesk desk, TransactionTemplate tx, PanBoundary pan) {
        this.pan = pan;
        this.desk = desk;
        this.tx = tx;
    }

    @Override
    public Result importCsv(Reader csv) {
        int created = 0;
        int existing = 0;
        List<RowError> errors = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(pan.reader(csv), format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> missing = REQUIRED.stream().filter(h -> !header.containsKey(h)).sorted().toList();
            if (!missing.isEmpty()) {
                errors.add(new RowError(1, "missing column(s): " + String.join(", ", missing)));
                return new Result(0, 0, errors);
            }
            for (CSVRecord row : parser) {
                long line = parser.getCurrentLineNumber();
                try {
                    NewCase n = toCase(row);
                    CaseDesk.Opened opened = tx.execute(s -> desk.open(n));
                    if (opened != null && opened.created()) {
                        created++;
                    } else {
                        existing++;
                    }
                } catch (InvalidInputException | IllegalArgumentException | IllegalStateException e) {
                    errors.add(new RowError(line, e.getMessage()));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            errors.add(new RowError(0, "the file is not valid CSV: " + e.getMessage()));
        }
        return new Result(created, existing, errors);
    }

    private static NewCase toCase(CSVRecord row) {
        if (!row.isConsistent()) {
            throw new InvalidInputException("row", "expected " + row.getParser().getHeaderNames().size() + " columns, found " + row.size());
        }
        String priority = get(row, "priority");
        Priority p = null;
        if (priority != null) {
            try {
                p = Priority.valueOf(priority.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("priority", "unknown priority '" + priority + "' (LOW, NORMAL, HIGH, URGENT)");
            }
        }
        List<CaseLink> links = new ArrayList<>();
        if (get(row, "order_ref") != null) {
            links.add(new CaseLink(LinkKind.ORDER, get(row, "order_ref")));
        }
        if (get(row, "payment_ref") != null) {
            links.add(new CaseLink(LinkKind.PAYMENT, get(row, "payment_ref")));
        }
        String tags = get(row, "tags");
        String subject = get(row, "subject");
        String market = get(row, "market");
        if (subject == null) {
            throw new InvalidInputException("subject", "subject is empty");
        }
        if (market == null) {
            throw new InvalidInputException("market", "market is empty");
        }
        return NewCase.builder(subject, market, CaseSource.CSV).description(get(row, "description"))
                .language(get(row, "language")).priority(p).category(get(row, "category"))
                .customer(get(row, "customer_ref"), get(row, "customer_email")).provider(get(row, "provider"))
                .tags(tags == null ? List.of() : Arrays.asList(tags.split(";"))).links(links)
                .idempotencyKey(get(row, "external_id")).build();
    }

    private static String get(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String v = row.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
