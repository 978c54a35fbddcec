package dev.paydesk;

/**
 * The fuzzing budget. Each {@code *FuzzTests} class holds one {@code @FuzzTest}; the pom's {@code fuzz}
 * profile runs each class in an execution (a JVM) of its own with {@code JAZZER_FUZZ=1}, so every target
 * is fuzzed for {@link #PER_TARGET} (an execution takes 20-35 s in all: the JVM and Jazzer start
 * dominate). Without {@code JAZZER_FUZZ} (an IDE, {@code -Dtest=...}) a fuzz test runs only its saved
 * inputs under {@code src/test/resources/<package>/<Class>Inputs/}: the seed corpus and every crash found.
 */
public final class Fuzzing {

    /** How long the build fuzzes each target at most. */
    public static final String PER_TARGET = "6s";

    /**
     * How many inputs the build tries per target at most. With the fixed seed the inputs come in the
     * same order on every machine, so a build stops either here or, on a slower machine, earlier in
     * the same sequence: a faster CI machine never reaches inputs that no build before it tried. A
     * crash found on a longer run (JAZZER_FUZZ=1 with a larger budget) is fixed and kept as an input.
     */
    public static final long MAX_EXECUTIONS = 30_000;

    private Fuzzing() {
    }
}
