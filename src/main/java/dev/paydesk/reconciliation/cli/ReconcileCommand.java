package dev.paydesk.reconciliation.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.paydesk.reconciliation.Reconciliation;
import dev.paydesk.reconciliation.RunSummary;
import dev.paydesk.shared.CliCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/paydesk reconcile --from 2026-11-01 --to 2026-11-30}: a full run over a time range. */
@Component
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Reconcile every order with activity in [from, to) and every settlement line booked then; "
                + "opens, refreshes and resolves findings. Dates (UTC midnight) or ISO instants.")
class ReconcileCommand implements CliCommand, Callable<Integer> {

    private final Reconciliation reconciliation;

    @Option(names = "--from", required = true, description = "start, inclusive (2026-11-01 or 2026-11-01T00:00:00Z)")
    String from = "";

    @Option(names = "--to", required = true, description = "end, exclusive")
    String to = "";

    ReconcileCommand(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public Integer call() {
        Instant start = parse(from);
        Instant end = parse(to);
        if (!end.isAfter(start)) {
            System.err.println("--to must be after --from");
            return 2;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "cli:" + System.getProperty("user.name"), null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        RunSummary r = reconciliation.reconcile(start, end);
        System.out.printf("run %s: %,d orders, %,d movements, %,d settlement lines, %,d matched; %,d anomalies: "
                        + "%,d opened, %,d reopened, %,d resolved in %,d ms%n", r.runId(), r.orders(), r.movements(),
                r.lines(), r.matched(), r.anomalies(), r.opened(), r.reopened(), r.resolved(), r.took().toMillis());
        return 0;
    }

    static Instant parse(String value) {
        return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
    }
}
