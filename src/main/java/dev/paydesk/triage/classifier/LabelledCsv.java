package dev.paydesk.triage.classifier;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import dev.paydesk.platform.PanRedactor;
import dev.paydesk.shared.InvalidInputException;

/** Reads {@code text,category} CSV files (RFC 4180 with a header row; texts may span lines), card numbers masked. */
public final class LabelledCsv {

    private LabelledCsv() {
    }

    public static List<LabelledText> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    public static List<LabelledText> read(Reader reader) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(false).get();
        List<LabelledText> rows = new ArrayList<>();
        for (CSVRecord row : format.parse(reader)) {
            if (!row.isMapped("text") || !row.isMapped("category")) {
                throw new InvalidInputException("data", "CSV needs the header text,category");
            }
            String text = PanRedactor.redact(row.get("text")); // the training files' card-number boundary
            String category = row.get("category").strip();
            if (!category.isEmpty() && !text.isBlank()) {
                rows.add(new LabelledText(text, category));
            }
        }
        return rows;
    }
}
