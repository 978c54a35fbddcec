package dev.paydesk.triage.cli;

import java.util.Locale;

import dev.paydesk.triage.classifier.Evaluation;

/** Readable tables for evaluation results. */
final class Reports {

    private Reports() {
    }

    static void print(Evaluation result) {
        System.out.printf(Locale.ROOT, "%-28s %10s%n", "metric", "value");
        System.out.printf(Locale.ROOT, "%-28s %10d%n", "texts", result.texts());
        System.out.printf(Locale.ROOT, "%-28s %9.2f%%%n", "accuracy", result.accuracy() * 100);
        System.out.printf(Locale.ROOT, "%-28s %9.2f%%%n", "macro-F1", result.macroF1() * 100);
        if (!Double.isNaN(result.textsPerSecond())) {
            System.out.printf(Locale.ROOT, "%-28s %10.1f%n", "texts per second", result.textsPerSecond());
        }
        System.out.printf(Locale.ROOT, "%-28s %10.4f%n", "expected calibration error", result.expectedCalibrationError());
        System.out.println();
        System.out.println("most frequent confusions (actual -> predicted):");
        result.confusions().stream().limit(10).forEach(c ->
                System.out.printf(Locale.ROOT, "  %4d  %s -> %s%n", c.count(), c.actual(), c.predicted()));
    }
}
