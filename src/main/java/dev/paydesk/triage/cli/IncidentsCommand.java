package dev.paydesk.triage.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.paydesk.triage.Incident;
import dev.paydesk.triage.Incidents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/paydesk triage incidents --hour 2026-11-23T14:00:00Z}: tests one hour (default: the
 * last complete hour) for spikes and opens incidents; usable from cron until a scheduler exists.
 */
@Component
@Command(name = "incidents", mixinStandardHelpOptions = true,
        description = "Detect incidents in one hour of contact counts (default: the last complete hour).")
class IncidentsCommand implements Callable<Integer> {

    @Option(names = "--hour", description = "start of the hour to test, ISO-8601 instant")
    @Nullable Instant hour;

    private final Incidents incidents;
    private final Clock clock;

    IncidentsCommand(Incidents incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Instant tested = hour != null ? hour : clock.instant().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "incident-detector", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            List<Incident> opened = incidents.detect(tested);
            System.out.printf(Locale.ROOT, "%s: %d incident(s)%n", tested, opened.size());
            for (Incident i : opened) {
                System.out.printf(Locale.ROOT, "  #%d %s / %s / %s / %s: %d contacts, expected %.1f, p = %.2e%n", i.id(),
                        i.cell().category(), i.cell().provider(), i.cell().market(), i.cell().method(), i.observed(),
                        i.expected(), i.pValue());
            }
            return 0;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
