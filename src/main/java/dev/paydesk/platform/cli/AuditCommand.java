package dev.paydesk.platform.cli;

import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.AuditVerification;
import dev.paydesk.shared.CliCommand;
import picocli.CommandLine.Command;

/** {@code bin/paydesk audit verify}: walks the hash chain; exit code 0 when intact, 1 when broken. */
@Component
@Command(name = "audit", description = "Audit log tools.", mixinStandardHelpOptions = true,
        subcommands = AuditCommand.Verify.class)
class AuditCommand implements CliCommand, Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Component
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify the audit log's hash chain (keyed hashes and the signed checkpoints outside the "
                    + "database) and report the first broken link.")
    static class Verify implements Callable<Integer> {

        private final AuditLog audit;

        Verify(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        public Integer call() {
            AuditVerification result = audit.verify();
            if (result.intact()) {
                System.out.println("Audit chain intact: " + result.entriesChecked() + " entries verified, matching "
                        + result.checkpointsChecked() + " signed checkpoint(s).");
                return 0;
            }
            System.out.println("Audit chain BROKEN at entry " + result.firstBrokenSeq() + ": " + result.problem());
            return 1;
        }
    }
}
