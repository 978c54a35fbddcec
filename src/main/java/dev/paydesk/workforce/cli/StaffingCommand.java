package dev.paydesk.workforce.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.paydesk.shared.CliCommand;
import dev.paydesk.workforce.staffing.IntervalLoad;
import dev.paydesk.workforce.staffing.QueueMetrics;
import dev.paydesk.workforce.staffing.QueueModel;
import dev.paydesk.workforce.staffing.ServiceTarget;
import dev.paydesk.workforce.staffing.Staffing;
import dev.paydesk.workforce.staffing.Staffing.StaffingPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/paydesk staffing}: agents and figures for one interval under Erlang C or Erlang A.
 * {@code agents} in the output is the number to schedule (after shrinkage); the queue figures are for
 * the agents actually on the phone.
 */
@Component
@Command(name = "staffing", mixinStandardHelpOptions = true,
        description = "Erlang C / Erlang A staffing for one interval: required agents or the figures for --agents.")
class StaffingCommand implements CliCommand, Callable<Integer> {

    @Option(names = "--model", defaultValue = "erlang-c", description = "erlang-c or erlang-a")
    String model = "erlang-c";
    @Option(names = "--volume", required = true, description = "offered contacts in the interval")
    double volume;
    @Option(names = "--interval-min", defaultValue = "30", description = "interval length in minutes")
    double intervalMinutes = 30;
    @Option(names = "--aht-s", required = true, description = "average handle time in seconds")
    double ahtSeconds;
    @Option(names = "--sl-target", defaultValue = "0.8", description = "share answered within --sl-seconds")
    double slTarget = 0.8;
    @Option(names = "--sl-seconds", defaultValue = "20", description = "service-level threshold in seconds")
    double slSeconds = 20;
    @Option(names = "--patience-s", description = "mean patience in seconds (required for erlang-a)")
    @Nullable Double patienceSeconds;
    @Option(names = "--abandon-target", defaultValue = "1", description = "maximum abandonment share (erlang-a)")
    double abandonTarget = 1;
    @Option(names = "--shrinkage", defaultValue = "0", description = "share of paid time off the phone, 0..<1")
    double shrinkage;
    @Option(names = "--max-occupancy", defaultValue = "1", description = "maximum occupancy, 0..1")
    double maxOccupancy = 1;
    @Option(names = "--agents", description = "scheduled agents to evaluate instead of sizing")
    @Nullable Integer agents;
    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    PrintStream out = System.out;

    @Override
    public Integer call() {
        QueueModel queueModel;
        try {
            queueModel = QueueModel.parse(model);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
        if (queueModel == QueueModel.ERLANG_A && patienceSeconds == null) {
            out.println("--patience-s is required for erlang-a");
            return 2;
        }
        try {
            IntervalLoad load = new IntervalLoad(volume, intervalMinutes * 60, ahtSeconds,
                    patienceSeconds == null ? 1e9 : patienceSeconds);
            ServiceTarget target = new ServiceTarget(slTarget, slSeconds, maxOccupancy, abandonTarget, shrinkage);
            StaffingPlan plan = agents == null ? Staffing.required(queueModel, load, target)
                    : Staffing.given(queueModel, load, target, (int) Math.floor(agents * (1 - shrinkage) + 1e-9));
            int scheduled = agents == null ? plan.scheduled() : agents;
            print(queueModel, load, scheduled, plan);
            return 0;
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
    }

    private void print(QueueModel queueModel, IntervalLoad load, int scheduled, StaffingPlan plan) {
        QueueMetrics m = plan.metrics();
        if (json) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("agents", scheduled);
            figures.put("service_level", round(m.serviceLevel()));
            figures.put("asa_s", Double.isFinite(m.asaSeconds()) ? round(m.asaSeconds()) : null);
            figures.put("occupancy", round(m.occupancy()));
            figures.put("p_wait", round(m.probWait()));
            figures.put("p_abandon", round(m.probAbandon()));
            out.println(JsonMapper.builder().build().writeValueAsString(figures));
            return;
        }
        out.printf(Locale.ROOT, "model            %s, load %.2f Erlang%n", queueModel.name().toLowerCase(Locale.ROOT)
                .replace('_', '-'), load.erlangs());
        out.printf(Locale.ROOT, "agents           %d scheduled (%d on the phone)%n", scheduled, plan.onPhone());
        out.printf(Locale.ROOT, "service_level    %.4f (answered within %.0f s / offered; / answered %.4f)%n",
                m.serviceLevel(), slSeconds, m.serviceLevelOfAnswered());
        out.printf(Locale.ROOT, "asa_s            %.1f%n", m.asaSeconds());
        out.printf(Locale.ROOT, "occupancy        %.4f%n", m.occupancy());
        out.printf(Locale.ROOT, "p_wait           %.4f%n", m.probWait());
        out.printf(Locale.ROOT, "p_abandon        %.4f%n", m.probAbandon());
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
