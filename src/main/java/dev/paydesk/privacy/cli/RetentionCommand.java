package dev.paydesk.privacy.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import dev.paydesk.privacy.Touched;
import dev.paydesk.privacy.internal.RetentionService;
import dev.paydesk.shared.CliCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code bin/paydesk retention run [--dry-run] [--json]}: applies the retention periods now. */
@Component
@Command(name = "retention", description = "Retention of personal data.", mixinStandardHelpOptions = true,
        subcommands = RetentionCommand.Run.class)
class RetentionCommand implements CliCommand, Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Component
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Pseudonymise or delete personal data past its retention period (what the daily job does).")
    static class Run implements Callable<Integer> {

        @Option(names = "--dry-run", description = "show what the run would touch and change nothing")
        boolean dryRun;

        @Option(names = "--json", description = "print one JSON object")
        boolean json;

        private final RetentionService retention;

        Run(RetentionService retention) {
            this.retention = retention;
        }

        @Override
        public Integer call() {
            RetentionService.Report report = retention.run(dryRun);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("dry_run", report.dryRun());
                out.put("at", report.at().toString());
                Map<String, String> cutoffs = new LinkedHashMap<>();
                report.cutoffs().forEach((k, v) -> cutoffs.put(k.name().toLowerCase(java.util.Locale.ROOT), v.toString()));
                out.put("cutoffs", cutoffs);
                out.put("touched", rows(report.touched()));
                out.put("total_records", report.total());
                System.out.println(JsonMapper.builder().build().writeValueAsString(out));
                return 0;
            }
            System.out.println((report.dryRun() ? "Retention dry run" : "Retention run") + " at " + report.at());
            if (report.cutoffs().isEmpty()) {
                System.out.println("No retention period is set: nothing to do (set them on /privacy or PUT /api/v1/privacy/retention).");
                return 0;
            }
            report.cutoffs().forEach((k, v) -> System.out.printf("  %-18s older than %s%n", k, v));
            print(report.touched(), report.dryRun() ? "would change" : "changed");
            return 0;
        }
    }

    static List<Map<String, Object>> rows(List<Touched> touched) {
        return touched.stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("holder", t.holder());
            row.put("what", t.what());
            row.put("records", t.count());
            return row;
        }).toList();
    }

    static void print(List<Touched> touched, String verb) {
        if (touched.isEmpty()) {
            System.out.println("Nothing " + verb.replace("would change", "to change").replace("changed", "changed") + ".");
            return;
        }
        System.out.printf("%-10s %8s  %s%n", "module", "records", verb);
        touched.forEach(t -> System.out.printf("%-10s %8d  %s%n", t.holder(), t.count(), t.what()));
    }
}
