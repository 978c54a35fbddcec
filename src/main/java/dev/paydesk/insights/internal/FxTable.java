package dev.paydesk.insights.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import dev.paydesk.shared.InvalidInputException;

/**
 * Daily reference rates as the ECB publishes them: units of a currency per 1 EUR, one column per
 * currency ({@code Date,USD,JPY,...} with {@code N/A} for a currency not quoted that day; the history file
 * has ISO dates, the daily file "5 January 2026"). Converts minor units between currencies through EUR:
 * {@code amount / rate(from) * rate(to)} with BigDecimal (34 significant digits for the division), then
 * rounded once to the target currency's minor units, half-even. A day without rates (weekends, TARGET
 * holidays) uses the latest earlier rate at most {@link #MAX_STALE_DAYS} days old; beyond that, or for a
 * currency never quoted, there is no conversion (the caller shows a note, never a guessed total).
 */
final class FxTable {

    static final int MAX_STALE_DAYS = 4;
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private final Map<String, NavigableMap<LocalDate, BigDecimal>> perEur = new TreeMap<>();

    /** One stored rate: {@code perEur} units of {@code currency} per 1 EUR on {@code day}. */
    record Rate(LocalDate day, String currency, BigDecimal perEur) {
    }

    /** Every rate held, by currency and day. */
    java.util.List<Rate> rates() {
        java.util.List<Rate> out = new java.util.ArrayList<>();
        perEur.forEach((c, days) -> days.forEach((d, r) -> out.add(new Rate(d, c, r))));
        return out;
    }

    /** Adds one rate: {@code rate} units of {@code currency} per 1 EUR on {@code day}. */
    void put(LocalDate day, String currency, BigDecimal rate) {
        if (rate.signum() <= 0) {
            throw new InvalidInputException("rate", "a rate must be positive: " + currency + " " + rate + " on " + day);
        }
        perEur.computeIfAbsent(currency, c -> new TreeMap<>()).put(day, rate);
    }

    /** Reads an ECB reference-rate CSV; returns how many rates it held. Bad lines are a 400, not skipped. */
    int readEcbCsv(Reader csv) throws IOException {
        BufferedReader in = new BufferedReader(csv);
        String header = in.readLine();
        if (header == null || !header.strip().toLowerCase(Locale.ROOT).startsWith("date")) {
            throw new InvalidInputException("file", "not an ECB reference-rate file: the first column must be Date");
        }
        String[] currencies = header.split(",", -1);
        int count = 0;
        int lineNo = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            LocalDate day = date(cells[0].strip(), lineNo);
            for (int i = 1; i < Math.min(cells.length, currencies.length); i++) {
                String code = currencies[i].strip().toUpperCase(Locale.ROOT);
                String cell = cells[i].strip();
                if (code.isEmpty() || cell.isEmpty() || cell.equalsIgnoreCase("N/A")) {
                    continue;
                }
                try {
                    put(day, code, new BigDecimal(cell));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("file", "line " + lineNo + ": '" + cell + "' is not a rate for " + code);
                }
                count++;
            }
        }
        return count;
    }

    private static LocalDate date(String cell, int lineNo) {
        try {
            return cell.length() == 10 && cell.charAt(4) == '-' ? LocalDate.parse(cell) : LocalDate.parse(cell, LONG_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("file", "line " + lineNo + ": '" + cell + "' is not a date");
        }
    }

    /** Units of the currency per 1 EUR that apply on a day (EUR is 1), if any. */
    Optional<BigDecimal> rate(String currency, LocalDate day) {
        if (currency.equals("EUR")) {
            return Optional.of(BigDecimal.ONE);
        }
        NavigableMap<LocalDate, BigDecimal> rates = perEur.get(currency);
        Map.Entry<LocalDate, BigDecimal> e = rates == null ? null : rates.floorEntry(day);
        if (e == null || e.getKey().isBefore(day.minusDays(MAX_STALE_DAYS))) {
            return Optional.empty();
        }
        return Optional.of(e.getValue());
    }

    /** The day whose published rate applies on {@code day} (the day itself, or the latest earlier one), if any. */
    Optional<LocalDate> rateDay(String currency, LocalDate day) {
        if (currency.equals("EUR")) {
            return Optional.of(day);
        }
        NavigableMap<LocalDate, BigDecimal> rates = perEur.get(currency);
        LocalDate d = rates == null ? null : rates.floorKey(day);
        return d == null || d.isBefore(day.minusDays(MAX_STALE_DAYS)) ? Optional.empty() : Optional.of(d);
    }

    /** {@code minor} units of {@code from} in minor units of {@code to} on a day, or empty without rates. */
    Optional<Long> convert(long minor, String from, String to, LocalDate day) {
        if (from.equals(to)) {
            return Optional.of(minor);
        }
        Optional<BigDecimal> rateFrom = rate(from, day);
        Optional<BigDecimal> rateTo = rate(to, day);
        if (rateFrom.isEmpty() || rateTo.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal major = BigDecimal.valueOf(minor).movePointLeft(digits(from));
        BigDecimal converted = major.multiply(rateTo.get()).divide(rateFrom.get(), MathContext.DECIMAL128);
        return Optional.of(converted.setScale(digits(to), RoundingMode.HALF_EVEN).movePointRight(digits(to))
                .longValueExact());
    }

    private static int digits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("currency", "unknown currency '" + currency + "'");
        }
    }
}
