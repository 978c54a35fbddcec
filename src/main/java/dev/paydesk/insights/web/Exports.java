package dev.paydesk.insights.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A table (header and rows) as CSV (RFC 4180, with a guard against spreadsheet formulas) or XLSX. */
public final class Exports {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Exports() {
    }

    static ResponseEntity<byte[]> as(String format, String name, List<String> header, List<List<Object>> rows) {
        return switch (format) {
            case "csv" -> file(csv(header, rows).getBytes(StandardCharsets.UTF_8), name + ".csv",
                    MediaType.parseMediaType("text/csv; charset=utf-8"));
            case "xlsx" -> file(xlsx(header, rows), name + ".xlsx", XLSX);
            default -> throw new dev.paydesk.shared.InvalidInputException("format", "export as csv or xlsx");
        };
    }

    /**
     * A drill-down's records, read page after page of {@value #RECORDS_PAGE} until a short page, as a table: the
     * first record's keys as the header, numbers kept as numbers, anything else as text.
     */
    static ResponseEntity<byte[]> records(String format, String name,
                                          java.util.function.IntFunction<dev.paydesk.insights.Insights.Records> page) {
        List<java.util.Map<String, Object>> all = new java.util.ArrayList<>();
        for (int offset = 0; ; offset += RECORDS_PAGE) {
            List<java.util.Map<String, Object>> records = page.apply(offset).records();
            all.addAll(records);
            if (records.size() < RECORDS_PAGE) {
                break;
            }
        }
        List<String> header = all.isEmpty() ? List.of("id") : List.copyOf(all.getFirst().keySet());
        List<List<Object>> rows = all.stream().map(r -> header.stream().map(h -> r.get(h) == null ? null
                : r.get(h) instanceof Number ? r.get(h) : (Object) r.get(h).toString()).toList()).toList();
        return as(format, name, header, rows);
    }

    /** The records one page reads; {@link #records}' callers ask for this many. */
    static final int RECORDS_PAGE = 10_000;

    public static String csv(List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header.stream().map(h -> (Object) h).toList());
        rows.forEach(r -> line(out, r));
        return out.toString();
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = cells.get(i);
            String s = v == null ? "" : v.toString();
            if (!s.isEmpty() && !(v instanceof Number) && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
                s = "'" + s;
            }
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                s = "\"" + s.replace("\"", "\"\"") + "\"";
            }
            out.append(s);
        }
        out.append("\r\n");
    }

    static byte[] xlsx(List<String> header, List<List<Object>> rows) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("data");
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(header.get(i));
            }
            int r = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(i).setCellValue(v.toString());
                    }
                }
            }
            book.write(bytes);
            book.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseEntity<byte[]> file(byte[] body, String filename, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").body(body);
    }
}
