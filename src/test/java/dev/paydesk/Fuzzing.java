package dev.paydesk;

/**
 * The fuzzing budget. Each {@code *FuzzTests} class holds one {@code @FuzzTest}; the pom's {@code fuzz}
 * profile runs each class in an execution (a JVM) of its own with {@code JAZZER_FUZZ=1}, so every target
 * is fuzzed for {@link #PER_TARGET} (an execution takes 20-35 s in all: the JVM and Jazzer start
 * dominate). Without {@code JAZZER_FUZZ} (an IDE, {@code -Dtest=...}) a fuzz test runs only its saved
 * inputs under {@code src/test/resources/<package>/<Class>Inputs/}: the seed corpus and every crash found.
 */
public final class Fuzzing {

    /** How long the build fuzzes each target. */
    public static final String PER_TARGET = "6s";

    private Fuzzing() {
    }
}
