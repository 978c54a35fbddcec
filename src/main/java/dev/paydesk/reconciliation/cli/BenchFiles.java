package dev.paydesk.reconciliation.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import dev.paydesk.reconciliation.engine.EntryKind;
import dev.paydesk.reconciliation.engine.MerchantOrder;
import dev.paydesk.reconciliation.engine.Movement;
import dev.paydesk.reconciliation.engine.ReconciliationEngine;
import dev.paydesk.reconciliation.engine.RefundRequest;
import dev.paydesk.reconciliation.engine.SettlementLine;
import dev.paydesk.reconciliation.engine.StreamingReconciliation;

/**
 * Reads the benchmark's two CSV files into the engine's records, straight from bytes through a
 * fixed buffer (never a whole file in memory), with low-cardinality columns (market, currency,
 * method...) shared. Either all at once ({@link #read}) or as a stream into
 * {@link StreamingReconciliation} ({@link #stream}), each file parsed on its own thread.
 */
final class BenchFiles {

    private static final int CHUNK = 8_192;

    private BenchFiles() {
    }

    /** An order with the time it was placed. */
    private record Placed(MerchantOrder order, long at) {
    }

    /**
     * Consecutive records of one file, with the earliest time among them: where the file has got to (a file
     * may list records days ahead, such as a refund request with its order; the last one's time would let
     * that file run ahead of the other).
     */
    private record Chunk(List<Object> records, long minAt) {
    }

    private static final Chunk END = new Chunk(List.of(), Long.MAX_VALUE);

    /** Collects records into chunks of {@link #CHUNK} and hands each on when full, and the rest at the end. */
    private static final class Chunker {
        private final Consumer<Chunk> out;
        private List<Object> records = new ArrayList<>(CHUNK);
        private long min = Long.MAX_VALUE;

        Chunker(Consumer<Chunk> out) {
            this.out = out;
        }

        void add(Object record, long at) {
            records.add(record);
            min = Math.min(min, at);
            if (records.size() >= CHUNK) {
                out.accept(new Chunk(records, min));
                records = new ArrayList<>(CHUNK);
                min = Long.MAX_VALUE;
            }
        }

        void finish() {
            if (!records.isEmpty()) {
                out.accept(new Chunk(records, min));
            }
        }
    }

    static ReconciliationEngine.Input read(Path merchantFile, Path settlementFile) throws Exception {
        CompletableFuture<List<SettlementLine>> lines = CompletableFuture.supplyAsync(() -> {
            List<SettlementLine> out = new ArrayList<>();
            lines(settlementFile, chunk -> chunk.records().forEach(r -> out.add((SettlementLine) r)));
            return out;
        });
        List<MerchantOrder> orders = new ArrayList<>();
        List<Movement> movements = new ArrayList<>();
        List<RefundRequest> requests = new ArrayList<>();
        merchant(merchantFile, chunk -> {
            for (Object r : chunk.records()) {
                switch (r) {
                    case Placed p -> orders.add(p.order());
                    case Movement m -> movements.add(m);
                    case RefundRequest q -> requests.add(q);
                    default -> throw new IllegalStateException("unexpected record " + r);
                }
            }
        });
        return new ReconciliationEngine.Input(orders, movements, requests, lines.join());
    }

    /**
     * Feeds both files into the stream, each parsed on its own thread, taking the next chunk from whichever
     * file is behind in time so that the two advance together.
     */
    static StreamingReconciliation.Summary stream(Path merchantFile, Path settlementFile, StreamingReconciliation sink)
            throws Exception {
        BlockingQueue<Object> merchant = new ArrayBlockingQueue<>(4);
        BlockingQueue<Object> lines = new ArrayBlockingQueue<>(4);
        Thread merchantReader = Thread.ofPlatform().name("bench-merchant-file").daemon().start(() -> produce(merchant,
                out -> merchant(merchantFile, out)));
        Thread linesReader = Thread.ofPlatform().name("bench-settlement-file").daemon().start(() -> produce(lines,
                out -> lines(settlementFile, out)));
        try {
            return feed(merchant, lines, sink);
        } finally {
            // if the stream failed, the readers may wait on a full queue: stop them, so they let go of their files
            merchantReader.interrupt();
            linesReader.interrupt();
            merchant.clear();
            lines.clear();
        }
    }

    private static StreamingReconciliation.Summary feed(BlockingQueue<Object> merchant, BlockingQueue<Object> lines,
                                                        StreamingReconciliation sink) throws InterruptedException {
        Chunk m = take(merchant);
        Chunk l = take(lines);
        while (m != END || l != END) {
            if (l == END || (m != END && m.minAt() <= l.minAt())) {
                for (Object r : m.records()) {
                    switch (r) {
                        case Placed p -> sink.add(p.order(), p.at());
                        case Movement mv -> sink.add(mv);
                        case RefundRequest q -> sink.add(q);
                        default -> throw new IllegalStateException("unexpected record " + r);
                    }
                }
                m = take(merchant);
            } else {
                for (Object r : l.records()) {
                    sink.add((SettlementLine) r);
                }
                l = take(lines);
            }
        }
        return sink.finish();
    }

    private static void produce(BlockingQueue<Object> queue, Consumer<Consumer<Chunk>> parser) {
        try {
            parser.accept(chunk -> put(queue, chunk));
            put(queue, END);
        } catch (RuntimeException | Error e) {
            put(queue, e);
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a benchmark file", e);
        }
    }

    private static Chunk take(BlockingQueue<Object> queue) throws InterruptedException {
        Object item = queue.take();
        if (item instanceof Throwable t) {
            throw new IllegalStateException("reading a benchmark file failed", t);
        }
        return (Chunk) item;
    }

    private static void merchant(Path file, Consumer<Chunk> out) {
        try (InputStream in = Files.newInputStream(file)) {
            Fields f = new Fields(in, 12);
            f.next();
            Chunker chunks = new Chunker(out);
            while (f.next()) {
                String type = f.shared(0);
                String ref = f.text(1);
                long amount = f.number(5);
                String currency = f.shared(7);
                long at = f.number(11);
                if (type.equals("ORDER")) {
                    String customer = f.text(4);
                    String method = f.shared(8);
                    chunks.add(new Placed(new MerchantOrder(ref, f.shared(3), customer, amount, currency, method), at), at);
                    String capture = f.textOrNull(10);
                    if (capture != null) {
                        chunks.add(new Movement(capture, f.shared(9), EntryKind.CAPTURE, capture, null, ref, customer,
                                true, f.number(6), currency, method, at), at);
                    }
                } else {
                    chunks.add(new RefundRequest(f.text(2), ref, amount, currency, at), at);
                }
            }
            chunks.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void lines(Path file, Consumer<Chunk> out) {
        try (InputStream in = Files.newInputStream(file)) {
            Fields f = new Fields(in, 13);
            f.next();
            Map<String, EntryKind> kinds = new HashMap<>();
            Chunker chunks = new Chunker(out);
            while (f.next()) {
                String type = f.shared(7);
                EntryKind kind = kinds.computeIfAbsent(type, EntryKind::ofRecordType);
                long at = f.number(8);
                chunks.add(new SettlementLine(f.text(0), f.shared(1), f.shared(2), f.textOrNull(3), f.textOrNull(4),
                        f.textOrNull(5), f.shared(6), kind, at, f.shared(9), f.number(10), f.number(11),
                        f.number(12)), at);
            }
            chunks.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cursor over comma-separated, unquoted lines of Latin-1 bytes, read through a fixed buffer. */
    static final class Fields {
        private final InputStream in;
        private byte[] data = new byte[1 << 20];
        private final int[] start;
        private final int[] end;
        private final dev.paydesk.shared.SharedStrings sharedStrings =
                new dev.paydesk.shared.SharedStrings(StandardCharsets.ISO_8859_1);
        private int pos;
        private int limit;
        private boolean eof;

        Fields(InputStream in, int columns) {
            this.in = in;
            this.start = new int[columns];
            this.end = new int[columns];
        }

        /** Moves to the next line; false at the end of the input. */
        boolean next() {
            while (true) {
                if (pos >= limit && eof) {
                    return false;
                }
                int column = 0;
                start[0] = pos;
                int i = pos;
                while (i < limit && data[i] != '\n') {
                    if (data[i] == ',' && column + 1 < start.length) {
                        end[column++] = i;
                        start[column] = i + 1;
                    }
                    i++;
                }
                if (i < limit || eof) {
                    for (int c = column; c < end.length; c++) {
                        end[c] = i;
                        start[c] = c == column ? start[c] : i;
                    }
                    pos = i + 1;
                    return true;
                }
                refill();
            }
        }

        /** Keeps the unfinished line, moved to the front (the buffer doubled if one line fills it), and reads on. */
        private void refill() {
            int kept = limit - pos;
            if (kept == data.length) {
                data = java.util.Arrays.copyOf(data, data.length * 2);
            } else {
                System.arraycopy(data, pos, data, 0, kept);
            }
            pos = 0;
            limit = kept;
            try {
                int n = in.readNBytes(data, limit, data.length - limit);
                limit += n;
                eof = limit < data.length;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
