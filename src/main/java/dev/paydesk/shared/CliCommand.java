package dev.paydesk.shared;

/**
 * Marker for picocli commands contributed by modules to {@code bin/paydesk <command>}. Implementations
 * are Spring beans annotated with picocli's {@code @Command}; they are only active in CLI mode.
 */
public interface CliCommand {
}
