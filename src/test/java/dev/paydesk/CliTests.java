package dev.paydesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** {@code bin/paydesk <command>} runs picocli commands in a web-less Paydesk. */
class CliTests {

    @Test
    void helpListsTheCommands() {
        Result r = run("--help");
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("audit").contains("users");
    }

    @Test
    void auditVerifyReportsAnIntactChain() {
        Result r = run("audit", "verify");
        assertThat(r.exit).as(r.out).isZero();
        assertThat(r.out).contains("Audit chain intact");
    }

    @Test
    void everySubcommandHasHelp() {
        Result r = run("audit", "verify", "--help");
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("Verify the audit log");
    }

    @Test
    void anUnknownUserIsAClearError() {
        Result r = run("users", "reset-password", "nobody-here");
        assertThat(r.exit).isEqualTo(2);
    }

    @Test
    void serverFlagsAreNotCommands() {
        assertThat(PaydeskCli.isCommand(new String[0])).isFalse();
        assertThat(PaydeskCli.isCommand(new String[] {"--demo"})).isFalse();
        assertThat(PaydeskCli.isCommand(new String[] {"--server.port=9000"})).isFalse();
        assertThat(PaydeskCli.isCommand(new String[] {"audit", "verify"})).isTrue();
        assertThat(PaydeskApplication.serverArguments(new String[] {"--demo"}))
                .containsExactly("--paydesk.demo.enabled=true");
    }

    record Result(int exit, String out) {
    }

    static Result run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int exit = PaydeskCli.run(args);
            return new Result(exit, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
