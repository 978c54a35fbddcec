package dev.paydesk.payments.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads one row of Adyen's Settlement details report by column name (Adyen may reorder or add
 * columns), into a line ready for storage. Amounts are decimals in the column's currency.
 */
final class SettlementLineParser {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final Map<String, ZoneId> ZONES = Map.ofEntries(
            Map.entry("CET", ZoneOffset.ofHours(1)), Map.entry("CEST", ZoneOffset.ofHours(2)),
            Map.entry("BST", ZoneOffset.ofHours(1)), Map.entry("GMT", ZoneOffset.UTC), Map.entry("UTC", ZoneOffset.UTC),
            Map.entry("WET", ZoneOffset.UTC), Map.entry("WEST", ZoneOffset.ofHours(1)),
            Map.entry("EET", ZoneOffset.ofHours(2)), Map.entry("EEST", ZoneOffset.ofHours(3)),
            Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("SGT", ZoneOffset.ofHours(8)), Map.entry("AEST", ZoneOffset.ofHours(10)));

    /** A parsed settlement line. */
    record Line(String merchantAccount, @Nullable String batch, @Nullable String psp, @Nullable String merchantReference,
                @Nullable String modification, @Nullable String method, String type, @Nullable Instant bookedAt,
                @Nullable String grossCurrency, @Nullable Long grossDebit, @Nullable Long grossCredit,
                @Nullable String netCurrency, @Nullable Long netDebit, @Nullable Long netCredit, long fees) {
    }

    private SettlementLineParser() {
    }

    /** Column positions of a file's header, looked up once instead of by name for every row. */
    static final class Columns {
        final int account, type, grossCurrency, netCurrency, commission, markup, schemeFees, interchange, batch,
                psp, merchantReference, modification, method, created, zone, grossDebit, grossCredit, netDebit, netCredit;

        Columns(Map<String, Integer> header) {
            account = index(header, "Merchant Account");
            type = index(header, "Type");
            grossCurrency = index(header, "Gross Currency");
            netCurrency = index(header, "Net Currency");
            commission = index(header, "Commission (NC)");
            markup = index(header, "Markup (NC)");
            schemeFees = index(header, "Scheme Fees (NC)");
            interchange = index(header, "Interchange (NC)");
            batch = index(header, "Batch Number");
            psp = index(header, "Psp Reference");
            merchantReference = index(header, "Merchant Reference");
            modification = index(header, "Modification Reference");
            method = index(header, "Payment Method");
            created = index(header, "Creation Date");
            zone = index(header, "TimeZone");
            grossDebit = index(header, "Gross Debit (GC)");
            grossCredit = index(header, "Gross Credit (GC)");
            netDebit = index(header, "Net Debit (NC)");
            netCredit = index(header, "Net Credit (NC)");
        }

        private static int index(Map<String, Integer> header, String column) {
            Integer i = header.get(column);
            return i == null ? -1 : i;
        }
    }

    /** The same reading as {@link #parse(CSVRecord, String)}, from a record's values and the header's positions. */
    static Line parse(Columns c, String[] v, @Nullable String fileBatch) {
        String account = require(v, c.account, "Merchant Account");
        String type = require(v, c.type, "Type");
        String grossCurrency = currency(get(v, c.grossCurrency));
        String netCurrency = currency(get(v, c.netCurrency));
        long fees = fee(v, c.commission, netCurrency, "Commission (NC)") + fee(v, c.markup, netCurrency, "Markup (NC)")
                + fee(v, c.schemeFees, netCurrency, "Scheme Fees (NC)")
                + fee(v, c.interchange, netCurrency, "Interchange (NC)");
        String batch = get(v, c.batch);
        return new Line(account, batch != null ? batch : fileBatch, get(v, c.psp), get(v, c.merchantReference),
                get(v, c.modification), get(v, c.method), type, booked(get(v, c.created), get(v, c.zone)), grossCurrency,
                minor(get(v, c.grossDebit), grossCurrency, "Gross Debit (GC)"),
                minor(get(v, c.grossCredit), grossCurrency, "Gross Credit (GC)"), netCurrency,
                minor(get(v, c.netDebit), netCurrency, "Net Debit (NC)"),
                minor(get(v, c.netCredit), netCurrency, "Net Credit (NC)"), fees);
    }

    private static long fee(String[] v, int index, @Nullable String currency, String column) {
        Long value = minor(get(v, index), currency, column);
        return value == null ? 0 : value;
    }

    private static String require(String[] v, int index, String column) {
        String value = get(v, index);
        if (value == null) {
            throw new MalformedPayloadException("'" + column + "' is empty");
        }
        return value;
    }

    private static @Nullable String get(String[] v, int index) {
        if (index < 0 || index >= v.length) {
            return null;
        }
        String value = v[index].trim();
        return value.isEmpty() ? null : value;
    }

    static Line parse(CSVRecord r, @Nullable String fileBatch) {
        String account = require(r, "Merchant Account");
        String type = require(r, "Type");
        String grossCurrency = currency(get(r, "Gross Currency"));
        String netCurrency = currency(get(r, "Net Currency"));
        long fees = 0;
        for (String fee : new String[] {"Commission (NC)", "Markup (NC)", "Scheme Fees (NC)", "Interchange (NC)"}) {
            Long v = minor(get(r, fee), netCurrency, fee);
            fees += v == null ? 0 : v;
        }
        String batch = get(r, "Batch Number");
        return new Line(account, batch != null ? batch : fileBatch, get(r, "Psp Reference"), get(r, "Merchant Reference"),
                get(r, "Modification Reference"), get(r, "Payment Method"), type,
                booked(get(r, "Creation Date"), get(r, "TimeZone")), grossCurrency,
                minor(get(r, "Gross Debit (GC)"), grossCurrency, "Gross Debit (GC)"),
                minor(get(r, "Gross Credit (GC)"), grossCurrency, "Gross Credit (GC)"), netCurrency,
                minor(get(r, "Net Debit (NC)"), netCurrency, "Net Debit (NC)"),
                minor(get(r, "Net Credit (NC)"), netCurrency, "Net Credit (NC)"), fees);
    }

    private static @Nullable Instant booked(@Nullable String created, @Nullable String zone) {
        if (created == null) {
            return null;
        }
        ZoneId id = zone == null ? ZoneOffset.UTC : ZONES.get(zone.toUpperCase(java.util.Locale.ROOT));
        if (id == null) {
            try {
                id = ZoneId.of(zone);
            } catch (RuntimeException e) {
                throw new MalformedPayloadException("unknown time zone '" + zone + "'");
            }
        }
        try {
            return fastDateTime(created).atZone(id).toInstant();
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new MalformedPayloadException("Creation Date '" + created + "' is not yyyy-MM-dd HH:mm:ss");
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss} without the formatter's overhead (a million rows per file). */
    private static LocalDateTime fastDateTime(String s) {
        if (s.length() != 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' ' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return LocalDateTime.parse(s, CREATED);
        }
        return LocalDateTime.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10),
                Integer.parseInt(s, 8, 10, 10), Integer.parseInt(s, 11, 13, 10), Integer.parseInt(s, 14, 16, 10),
                Integer.parseInt(s, 17, 19, 10));
    }

    static @Nullable Long minor(@Nullable String amount, @Nullable String currency, String column) {
        if (amount == null) {
            return null;
        }
        if (currency == null) {
            throw new MalformedPayloadException(column + " has an amount but no currency");
        }
        int digits = Math.max(Currency.getInstance(currency(currency)).getDefaultFractionDigits(), 0);
        long fast = plainMinor(amount, digits);
        if (fast != NOT_PLAIN) {
            return fast;
        }
        try {
            BigDecimal value = new BigDecimal(amount);
            return value.movePointRight(digits).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new MalformedPayloadException(column + " '" + amount + "' is not an amount in " + currency);
        }
    }

    static final long NOT_PLAIN = Long.MIN_VALUE;

    /**
     * {@code [-]digits[.digits]} with at most {@code digits} decimals and at most 15 digits in all, in
     * minor units, without BigDecimal; {@link #NOT_PLAIN} for anything else (the BigDecimal path decides).
     */
    private static long plainMinor(String s, int digits) {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1); // anything else is not a digit
        return plainMinor(bytes, 0, bytes.length, digits);
    }

    /** As {@link #plainMinor(String, int)}, on bytes {@code from} to {@code to} (the settlement import reads bytes). */
    static long plainMinor(byte[] s, int from, int to, int digits) {
        int i = from;
        boolean negative = false;
        if (i < to && s[i] == '-') {
            negative = true;
            i++;
        }
        long value = 0;
        int integerDigits = 0;
        while (i < to && s[i] >= '0' && s[i] <= '9') {
            value = value * 10 + (s[i++] - '0');
            integerDigits++;
        }
        int decimals = 0;
        if (i < to && s[i] == '.') {
            i++;
            while (i < to && s[i] >= '0' && s[i] <= '9') {
                value = value * 10 + (s[i++] - '0');
                decimals++;
            }
            if (decimals == 0) {
                return NOT_PLAIN;
            }
        }
        if (i != to || integerDigits == 0 || decimals > digits || integerDigits + decimals > 15) {
            return NOT_PLAIN;
        }
        for (int d = decimals; d < digits; d++) {
            value *= 10;
        }
        return negative ? -value : value;
    }

    private static @Nullable String currency(@Nullable String code) {
        if (code == null) {
            return null;
        }
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("unknown currency '" + code + "'");
        }
    }

    private static String require(CSVRecord r, String column) {
        String v = get(r, column);
        if (v == null) {
            throw new MalformedPayloadException("'" + column + "' is empty");
        }
        return v;
    }

    static @Nullable String get(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column).trim();
        return v.isEmpty() ? null : v;
    }
}
