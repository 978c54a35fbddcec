package dev.paydesk.platform.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What the machine did during a phase of {@code bench load}: the load average (other work on the machine shows
 * here) and the CPU time the nodes and the bench's PostgreSQL used, so a run can say how much CPU a request costs.
 */
final class LoadMeter {

    /** CPU seconds used by the nodes and by the database's processes, and the 1-minute load average, at one moment. */
    record Reading(double nodeCpuSeconds, double databaseCpuSeconds, double loadAverage) {
    }

    /** Between two readings. */
    record Usage(double nodeCpuSeconds, double databaseCpuSeconds, double loadAverageStart, double loadAverageEnd) {

        static Usage between(Reading start, Reading end) {
            return new Usage(end.nodeCpuSeconds() - start.nodeCpuSeconds(), end.databaseCpuSeconds() - start.databaseCpuSeconds(),
                    start.loadAverage(), end.loadAverage());
        }

        /** CPU milliseconds per request, of the nodes and of the database. */
        String perRequest(long requests) {
            return String.format(Locale.ROOT, "node CPU %.2f ms, database CPU %.2f ms per request",
                    1000 * nodeCpuSeconds / Math.max(1, requests), 1000 * databaseCpuSeconds / Math.max(1, requests));
        }
    }

    private LoadMeter() {
    }

    /**
     * Reads the nodes' CPU time and that of the database: its server process (started by {@code pg_ctl}, so not a
     * child of this bench; found by its data folder on the command line) and the backends under it. A backend that
     * ended in between is missed; the nodes' connection pools keep theirs open.
     */
    static Reading read(List<Process> nodes, Path dataFolder) {
        double node = nodes.stream().mapToDouble(p -> cpuSeconds(p.toHandle())).sum();
        String folder = dataFolder.toAbsolutePath().toString();
        double database = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> java.util.Arrays.asList(args).contains(folder)).orElse(false)
                        && p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                .mapToDouble(LoadMeter::cpuSeconds).sum();
        return new Reading(node, database, loadAverage());
    }

    private static double cpuSeconds(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }

    /** The 1-minute load average (Linux); NaN elsewhere. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
