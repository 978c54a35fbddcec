package dev.paydesk.workforce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StaffingCommandTests {

    private static String run(String... args) {
        StaffingCommand command = new StaffingCommand();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        command.out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(command).execute(args);
        assertThat(exit).as(buffer.toString(StandardCharsets.UTF_8)).isZero();
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sizesTheCallCentreHelperExampleAsJson() {
        // Call Centre Helper worked example: 100 calls / 30 min, AHT 180 s, 80/20, 85 % max occupancy and
        // 30 % shrinkage -> 14 agents on the phone, 20 to schedule.
        JsonNode json = JsonMapper.builder().build().readTree(run("--model", "erlang-c", "--volume", "100",
                "--interval-min", "30", "--aht-s", "180", "--sl-target", "0.8", "--sl-seconds", "20",
                "--shrinkage", "0.3", "--max-occupancy", "0.85", "--json"));
        assertThat(json.propertyNames()).containsExactly("agents", "service_level", "asa_s", "occupancy", "p_wait",
                "p_abandon");
        assertThat(json.get("agents").asInt()).isEqualTo(20);
        assertThat(json.get("service_level").asDouble()).isBetween(0.888, 0.889);
    }

    @Test
    void evaluatesGivenAgentsUnderErlangA() {
        String text = run("--model", "erlang-a", "--volume", "100", "--aht-s", "180", "--patience-s", "120",
                "--agents", "12");
        assertThat(text).contains("agents           12 scheduled").contains("p_abandon");
    }
}
