package dev.paydesk.workforce.forecast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/** Reads {@code interval_start,calls} (local ISO date-times, any interval that divides the bucket) into buckets. */
public final class VolumeCsv {

    private VolumeCsv() {
    }

    public static IntervalHistory read(BufferedReader reader, int bucketMinutes) {
        int buckets = 1440 / bucketMinutes;
        Map<LocalDate, double[]> days = new TreeMap<>();
        try {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || lineNo == 1 && trimmed.toLowerCase().startsWith("interval_start")) {
                    continue;
                }
                String[] parts = trimmed.split(",");
                if (parts.length < 2) {
                    throw new IllegalArgumentException("line " + lineNo + ": expected interval_start,calls");
                }
                LocalDateTime start = parse(parts[0].strip(), lineNo);
                double calls = Double.parseDouble(parts[1].strip());
                int bucket = (start.getHour() * 60 + start.getMinute()) / bucketMinutes;
                days.computeIfAbsent(start.toLocalDate(), d -> new double[buckets])[bucket] += calls;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number: " + e.getMessage(), e);
        }
        return IntervalHistory.of(buckets, days);
    }

    private static LocalDateTime parse(String text, int lineNo) {
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("line " + lineNo + ": bad interval_start " + text, e);
        }
    }
}
