package dev.paydesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every fuzz target is fuzzed in the build: each {@code *FuzzTests} class has its own execution in
 * the pom's {@code fuzz} profile (Jazzer fuzzes one test per JVM, and the Maven JVM may be too old to
 * let surefire fork a JVM per class).
 */
class FuzzTargetsTests {

    @Test
    void everyFuzzTestClassHasAnExecutionOfItsOwn() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Path tests = Path.of("src/test/java");
        List<String> targets;
        try (Stream<Path> files = Files.walk(tests)) {
            targets = files.filter(f -> f.getFileName().toString().endsWith("FuzzTests.java"))
                    .map(f -> tests.relativize(f).toString().replace(java.io.File.separatorChar, '.').replace(".java", ""))
                    .toList();
        }
        assertThat(targets).hasSizeGreaterThanOrEqualTo(8);
        assertThat(targets).allSatisfy(t -> assertThat(pom).as("the pom fuzzes %s", t).contains("<test>" + t + "</test>"));
    }
}
