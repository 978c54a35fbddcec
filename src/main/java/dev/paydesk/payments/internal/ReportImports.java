package dev.paydesk.payments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.payments.Provider;
import dev.paydesk.platform.PanRedactor;
import dev.paydesk.shared.MoneyParser;

/**
 * Provider reports read by column name into settlement lines: Stripe's itemised balance-change and
 * payout-reconciliation reports (amounts in major units, signed), PayPal's Settlement report (STL:
 * row types RH/FH/SH/CH/SB/…, amounts in minor units with a separate debit/credit column) and
 * Klarna's settlement report (configurable columns, comma or semicolon separated, minor units).
 */
@Component
class ReportImports {

    private static final DateTimeFormatter PAYPAL_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss Z");

    private final JdbcClient jdbc;
    private final PaymentsStore store;
    private final Clock clock;

    ReportImports(JdbcClient jdbc, PaymentsStore store, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Read/new/bad counts and, for a settlement file, the first and last booking time among its readable lines
     * (null for other files and for a file without booked lines).
     */
    record Counts(int read, int added, int bad, @Nullable Instant firstBooked, @Nullable Instant lastBooked) {

        Counts(int read, int added, int bad) {
            this(read, added, bad, null, null);
        }
    }

    private record Row(String naturalKey, String account, @Nullable String batch, int line, @Nullable String psp,
                       @Nullable String order, @Nullable String modification, @Nullable String method, String type,
                       @Nullable Instant at, String currency, long grossSigned, long netSigned, long fees) {
    }

    Counts stripe(String fileName, InputStream content) {
        List<CSVRecord> records = records(content, ',');
        return load(Provider.STRIPE, fileName, records, r -> {
            // Stripe writes currency codes in lower case
            Currency currency = Intake.currency("currency", required(r, "currency").toUpperCase(Locale.ROOT));
            long gross = Intake.decimal("gross", required(r, "gross"), currency, MoneyParser.Sign.ANY);
            long fee = opt(r, "fee") == null ? 0 : Intake.decimal("fee", opt(r, "fee"), currency, MoneyParser.Sign.ANY);
            long net = opt(r, "net") == null ? gross - fee
                    : Intake.decimal("net", opt(r, "net"), currency, MoneyParser.Sign.ANY);
            String created = opt(r, "created_utc") != null ? opt(r, "created_utc") : opt(r, "created");
            return new Row(required(r, "balance_transaction_id"), "stripe", firstOf(r, "automatic_payout_id", "payout_id"),
                    line(r), opt(r, "charge_id"), firstOf(r, "payment_metadata[order_id]", "payment_metadata[order_reference]",
                    "invoice_id"), opt(r, "source_id"), opt(r, "payment_method_type"), required(r, "reporting_category"),
                    created == null ? null : utc(created), currency.getCurrencyCode(), gross, net, fee);
        });
    }

    Counts paypal(String fileName, InputStream content) {
        List<CSVRecord> all = records(content, ',', false);
        List<CSVRecord> body = new ArrayList<>();
        Map<String, Integer> header = new HashMap<>();
        String account = "paypal";
        for (CSVRecord r : all) {
            String type = r.get(0).trim();
            if (type.equals("CH")) {
                header.clear();
                for (int i = 1; i < r.size(); i++) {
                    header.put(r.get(i).trim().replaceAll("\\s+", " "), i);
                }
            } else if (type.equals("SH") && r.size() > 4 && !r.get(4).isBlank()) {
                account = r.get(4).trim();
            } else if (type.equals("SB")) {
                body.add(r);
            }
        }
        String payer = account;
        return load(Provider.PAYPAL, fileName, body, r -> {
            Currency tender = Intake.currency("Gross Transaction Currency", col(r, header, "Gross Transaction Currency"));
            String currency = tender.getCurrencyCode();
            // unsigned minor units: the direction is in the Debit or Credit columns
            long gross = minorUnits(col(r, header, "Gross Transaction Amount"), "Gross Transaction Amount", tender);
            boolean debit = "DR".equalsIgnoreCase(col(r, header, "Transaction Debit or Credit"));
            long fee = col(r, header, "Fee Amount") == null ? 0
                    : minorUnits(col(r, header, "Fee Amount"), "Fee Amount", tender);
            boolean feeCredit = "CR".equalsIgnoreCase(col(r, header, "Fee Debit or Credit"));
            long signedGross = debit ? -gross : gross;
            long signedFee = feeCredit ? -fee : fee;
            String id = col(r, header, "Transaction ID");
            String code = col(r, header, "Transaction Event Code");
            if (id == null || code == null) {
                throw new MalformedPayloadException("'Transaction ID' or 'Transaction Event Code' is empty");
            }
            String completed = col(r, header, "Transaction Completion Date");
            return new Row(id + ":" + code + ":" + (debit ? "DR" : "CR"), payer, null, line(r), id,
                    firstNonNull(col(r, header, "Invoice ID"), col(r, header, "Custom Field")),
                    col(r, header, "PayPal Reference ID"), "paypal", code,
                    completed == null ? null : OffsetDateTime.parse(completed, PAYPAL_TIME).toInstant(), currency,
                    signedGross, signedGross - signedFee, signedFee);
        });
    }

    Counts klarna(String fileName, InputStream content) {
        byte[] bytes = readAll(content);
        String head = new String(bytes, 0, Math.min(bytes.length, 2000), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        char delimiter = head.chars().filter(c -> c == ';').count() > head.chars().filter(c -> c == ',').count() ? ';' : ',';
        List<CSVRecord> records = records(new java.io.ByteArrayInputStream(bytes), delimiter);
        return load(Provider.KLARNA, fileName, records, r -> {
            Currency tender = Intake.currency("currency_code", required(r, "currency_code").toUpperCase(Locale.ROOT));
            String currency = tender.getCurrencyCode();
            String type = required(r, "type").toUpperCase(Locale.ROOT);
            // the sign is the type's: a negative amount is read as its absolute value below
            long amount = Intake.minorUnits("amount", required(r, "amount"), tender, MoneyParser.Sign.ANY).minor();
            long signed = switch (type) {
                case "RETURN", "REVERSAL", "REVERSAL_MERCHANT_PROTECTION", "FEE", "CHARGE", "HOLDBACK", "TAX",
                     "COMMISSION_REVERSAL" -> -Math.abs(amount);
                default -> Math.abs(amount);
            };
            String date = firstOf(r, "capture_date", "sale_date");
            String key = String.join(":", type, String.valueOf(opt(r, "order_id")), String.valueOf(opt(r, "capture_id")),
                    String.valueOf(opt(r, "refund_id")), String.valueOf(amount), String.valueOf(date));
            return new Row(key, firstOf(r, "merchant_id") == null ? "klarna" : firstOf(r, "merchant_id"),
                    opt(r, "payment_reference"), line(r), firstOf(r, "capture_id", "refund_id"),
                    firstOf(r, "merchant_reference1", "merchant_reference_1", "merchant_capture_reference"),
                    opt(r, "order_id"), "klarna", type, date == null ? null : utc(date), currency, signed,
                    type.equals("FEE") ? 0 : signed, type.equals("FEE") ? Math.abs(amount) : 0);
        });
    }

    private interface RowReader {
        Row read(CSVRecord r);
    }

    private Counts load(Provider provider, String fileName, List<CSVRecord> records, RowReader reader) {
        int added = 0;
        int bad = 0;
        Instant first = null;
        Instant last = null;
        for (CSVRecord r : records) {
            try {
                Intake.line(List.of(), r.toList());
                Row row = reader.read(r);
                UUID key = UUID.nameUUIDFromBytes((provider + "\u001f" + row.account() + "\u001f" + row.naturalKey())
                        .getBytes(StandardCharsets.UTF_8));
                added += insert(provider, key, row, fileName);
                if (row.at() != null) {
                    // to the microsecond PostgreSQL keeps, rounded down, so a read from it finds the line
                    Instant at = row.at().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                    first = first == null || at.isBefore(first) ? at : first;
                    last = last == null || row.at().isAfter(last) ? row.at() : last;
                }
            } catch (MalformedPayloadException | IllegalArgumentException | java.time.DateTimeException e) {
                bad++;
                store.quarantine("file:" + fileName, provider, null, line(r), e.getMessage(),
                        PanRedactor.redact(String.join(",", r.toList())), clock.instant());
            }
        }
        return new Counts(records.size(), added, bad, first, last);
    }

    private int insert(Provider provider, UUID key, Row row, String fileName) {
        return jdbc.sql("""
                insert into payments_settlement_line_p0 (line_key, provider, merchant_account, batch, line_number, psp_reference,
                    merchant_reference, modification_reference, payment_method, record_type, booked_at, gross_currency,
                    gross_debit_minor, gross_credit_minor, net_currency, net_debit_minor, net_credit_minor, fees_minor, source_file)
                values (:key, :provider, :account, :batch, :line, :psp, :order, :mod, :method, :type, :at, :cur,
                    :gd, :gc, :cur, :nd, :nc, :fees, :file)
                on conflict (line_key) do nothing""")
                .param("key", key).param("provider", provider.name()).param("account", row.account())
                .param("batch", row.batch()).param("line", row.line()).param("psp", row.psp())
                .param("order", row.order()).param("mod", row.modification()).param("method", row.method())
                .param("type", row.type()).param("at", row.at() == null ? null : Timestamp.from(row.at()))
                .param("cur", row.currency())
                .param("gd", row.grossSigned() < 0 ? -row.grossSigned() : null)
                .param("gc", row.grossSigned() >= 0 ? row.grossSigned() : null)
                .param("nd", row.netSigned() < 0 ? -row.netSigned() : null)
                .param("nc", row.netSigned() >= 0 ? row.netSigned() : null)
                .param("fees", row.fees()).param("file", fileName).update();
    }

    private static List<CSVRecord> records(InputStream content, char delimiter) {
        return records(content, delimiter, true);
    }

    private static List<CSVRecord> records(InputStream content, char delimiter, boolean header) {
        CSVFormat.Builder format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true);
        if (header) {
            format.setHeader().setSkipHeaderRecord(true);
        }
        try (CSVParser parser = format.get().parse(new InputStreamReader(content, StandardCharsets.UTF_8))) {
            return parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // a quote never closed, a header name twice: the file cannot be split into lines, refused whole (400)
            throw new dev.paydesk.shared.InvalidInputException("file", "the file is not readable CSV: " + e.getMessage());
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long minorUnits(@Nullable String amount, String column, Currency currency) {
        return Intake.minorUnits(column, amount, currency, MoneyParser.Sign.NON_NEGATIVE).minor();
    }

    private static Instant utc(String value) {
        String v = value.trim();
        if (v.length() == 10) {
            return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (v.length() == 19) {
            return java.time.LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
        return Json.instant(v);
    }

    private static int line(CSVRecord r) {
        return (int) r.getRecordNumber() + 1;
    }

    private static @Nullable String col(CSVRecord r, Map<String, Integer> header, String name) {
        Integer i = header.get(name);
        if (i == null || i >= r.size()) {
            return null;
        }
        String v = r.get(i).trim();
        return v.isEmpty() ? null : v;
    }

    private static String required(CSVRecord r, String column) {
        String v = opt(r, column);
        if (v == null) {
            throw new MalformedPayloadException("'" + column + "' is empty");
        }
        return v;
    }

    private static @Nullable String opt(CSVRecord r, String column) {
        return SettlementLineParser.get(r, column);
    }

    private static @Nullable String firstOf(CSVRecord r, String... columns) {
        for (String c : columns) {
            String v = opt(r, c);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static @Nullable String firstNonNull(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }
}
