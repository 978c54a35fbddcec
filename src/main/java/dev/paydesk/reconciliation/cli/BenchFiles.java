package dev.paydesk.reconciliation.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import dev.paydesk.reconciliation.engine.EntryKind;
import dev.paydesk.reconciliation.engine.MerchantOrder;
import dev.paydesk.reconciliation.engine.Movement;
import dev.paydesk.reconciliation.engine.ReconciliationEngine;
import dev.paydesk.reconciliation.engine.RefundRequest;
import dev.paydesk.reconciliation.engine.SettlementLine;

/**
 * Reads the benchmark's two CSV files into the engine's records: both files at once (one thread
 * each), straight from bytes, with low-cardinality columns (market, currency, method...) shared.
 */
final class BenchFiles {

    private BenchFiles() {
    }

    static ReconciliationEngine.Input read(Path merchantFile, Path settlementFile) throws Exception {
        CompletableFuture<List<SettlementLine>> lines = CompletableFuture.supplyAsync(() -> lines(settlementFile));
        List<MerchantOrder> orders = new ArrayList<>();
        List<Movement> movements = new ArrayList<>();
        List<RefundRequest> requests = new ArrayList<>();
        Fields f = new Fields(Files.readAllBytes(merchantFile), 12);
        f.nextLine();
        while (f.next()) {
            String type = f.shared(0);
            String ref = f.text(1);
            long amount = f.number(5);
            String currency = f.shared(7);
            long at = f.number(11);
            if (type.equals("ORDER")) {
                String market = f.shared(3);
                String customer = f.text(4);
                String method = f.shared(8);
                orders.add(new MerchantOrder(ref, market, customer, amount, currency, method));
                String capture = f.textOrNull(10);
                if (capture != null) {
                    movements.add(new Movement(capture, f.shared(9), EntryKind.CAPTURE, capture, null, ref, customer,
                            true, f.number(6), currency, method, at));
                }
            } else {
                requests.add(new RefundRequest(f.text(2), ref, amount, currency, at));
            }
        }
        return new ReconciliationEngine.Input(orders, movements, requests, lines.join());
    }

    private static List<SettlementLine> lines(Path file) {
        try {
            Fields f = new Fields(Files.readAllBytes(file), 13);
            f.nextLine();
            List<SettlementLine> out = new ArrayList<>();
            Map<String, EntryKind> kinds = new HashMap<>();
            while (f.next()) {
                String type = f.shared(7);
                EntryKind kind = kinds.computeIfAbsent(type, EntryKind::ofRecordType);
                out.add(new SettlementLine(f.text(0), f.shared(1), f.shared(2), f.textOrNull(3), f.textOrNull(4),
                        f.textOrNull(5), f.shared(6), kind, f.number(8), f.shared(9), f.number(10), f.number(11),
                        f.number(12)));
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A cursor over comma-separated, unquoted lines of Latin-1 bytes. */
    private static final class Fields {
        private final byte[] data;
        private final int[] start;
        private final int[] end;
        private final dev.paydesk.shared.SharedStrings sharedStrings =
                new dev.paydesk.shared.SharedStrings(StandardCharsets.ISO_8859_1);
        private int pos;

        Fields(byte[] data, int columns) {
            this.data = data;
            this.start = new int[columns];
            this.end = new int[columns];
        }

        void nextLine() {
            while (pos < data.length && data[pos++] != '\n') {
                // skip
            }
        }

        boolean next() {
            if (pos >= data.length) {
                return false;
            }
            int column = 0;
            start[0] = pos;
            while (pos < data.length && data[pos] != '\n') {
                if (data[pos] == ',') {
                    end[column++] = pos;
                    start[column] = pos + 1;
                }
                pos++;
            }
            end[column] = pos;
            pos++;
            return true;
        }

        String text(int column) {
            return new String(data, start[column], end[column] - start[column], StandardCharsets.ISO_8859_1);
        }

        @Nullable String textOrNull(int column) {
            return end[column] == start[column] ? null : text(column);
        }

        /** Low-cardinality text: one String per distinct value, found by hash without allocating. */
        String shared(int column) {
            return sharedStrings.get(data, start[column], end[column] - start[column]);
        }

        long number(int column) {
            long value = 0;
            int i = start[column];
            boolean negative = i < end[column] && data[i] == '-';
            if (negative) {
                i++;
            }
            for (; i < end[column]; i++) {
                value = value * 10 + (data[i] - '0');
            }
            return negative ? -value : value;
        }
    }
}
