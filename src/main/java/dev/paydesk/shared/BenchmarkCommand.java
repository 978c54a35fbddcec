package dev.paydesk.shared;

/**
 * Marker for benchmark commands: Spring beans annotated with picocli's {@code @Command(name = "x")}
 * become {@code bin/paydesk bench x}. Each runs its named baseline in the same run, prints a table,
 * and with {@code --json} prints one JSON object of its figures.
 */
public interface BenchmarkCommand {
}
