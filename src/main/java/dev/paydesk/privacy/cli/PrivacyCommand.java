package dev.paydesk.privacy.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.paydesk.platform.Role;
import dev.paydesk.platform.UserDirectory;
import dev.paydesk.privacy.internal.SubjectRequests;
import dev.paydesk.shared.CliCommand;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.NotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/paydesk privacy export|erase}: data-subject requests from the shell. An erasure from the
 * CLI carries out a request somebody made in Paydesk ({@code --request}) and names the second person
 * approving it ({@code --approver}, a Paydesk administrator or process manager of all markets who is
 * not the requester); the shell operator is trusted to be, or to act for, that person, as with
 * {@code bin/paydesk users}.
 */
@Component
@Command(name = "privacy", description = "Data-subject requests: export and erasure.", mixinStandardHelpOptions = true,
        subcommands = {PrivacyCommand.Export.class, PrivacyCommand.Erase.class})
class PrivacyCommand implements CliCommand, Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Component
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write everything Paydesk holds about a customer (subject.json and files) to a ZIP file.")
    static class Export implements Callable<Integer> {

        @Option(names = "--customer", required = true, description = "customer reference or e-mail address")
        String customer;

        @Option(names = "--out", required = true, description = "the ZIP file to write")
        Path out;

        private final SubjectRequests requests;

        Export(SubjectRequests requests) {
            this.requests = requests;
        }

        @Override
        public Integer call() throws Exception {
            try {
                byte[] zip = requests.export(customer);
                Files.write(out, zip);
                System.out.println("Exported " + customer + " to " + out + " (" + zip.length + " bytes).");
                return 0;
            } catch (NotFoundException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
    }

    @Component
    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = "Erase a customer's personal data: --dry-run shows what would change and any legal hold; "
                    + "otherwise --request (an erasure requested in Paydesk) and --approver (the second person) are needed.")
    static class Erase implements Callable<Integer> {

        @Option(names = "--customer", required = true, description = "customer reference or e-mail address")
        String customer;

        @Option(names = "--dry-run", description = "show what would change and change nothing")
        boolean dryRun;

        @Option(names = "--json", description = "print one JSON object")
        boolean json;

        @Option(names = "--request", description = "id of the pending erasure request for this customer")
        @Nullable UUID request;

        @Option(names = "--approver", description = "username of the approving administrator or process manager (not the requester)")
        @Nullable String approver;

        private final SubjectRequests requests;
        private final UserDirectory users;

        Erase(SubjectRequests requests, UserDirectory users) {
            this.requests = requests;
            this.users = users;
        }

        @Override
        public Integer call() {
            try {
                return dryRun ? preview() : erase();
            } catch (NotFoundException | ConflictException | org.springframework.security.access.AccessDeniedException e) {
                return fail(e.getMessage());
            }
        }

        private int preview() {
            SubjectRequests.ErasurePlan plan = requests.plan(customer);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("dry_run", true);
                out.put("customer_refs", plan.subject().customerRefs());
                out.put("emails", plan.subject().emails());
                out.put("allowed", plan.allowed());
                out.put("legal_holds", plan.holds().stream().map(h -> h.holder() + ": " + h.reason()).toList());
                out.put("touched", RetentionCommand.rows(plan.touched()));
                System.out.println(JsonMapper.builder().build().writeValueAsString(out));
                return 0;
            }
            System.out.println("Erasure dry run for " + customer + " (references " + plan.subject().customerRefs()
                    + ", addresses " + plan.subject().emails() + ")");
            plan.holds().forEach(h -> System.out.println("  LEGAL HOLD (" + h.holder() + "): " + h.reason()));
            RetentionCommand.print(plan.touched(), "would change");
            return 0;
        }

        private int erase() {
            if (request == null || approver == null) {
                return fail("an erasure needs four eyes: request it in Paydesk (POST /api/v1/privacy/erasure-requests or the "
                        + "privacy page), then run this with --request <id> --approver <second person>; or use --dry-run");
            }
            SubjectRequests.ErasureRequest r = requests.require(request);
            if (r.subject() == null || !r.subject().equalsIgnoreCase(customer.strip())) {
                return fail("erasure request " + request + " is not for " + customer);
            }
            UserDirectory.User user = users.user(approver).filter(UserDirectory.User::enabled)
                    .filter(u -> u.allMarkets() && (u.roles().contains(Role.ADMIN) || u.roles().contains(Role.PROCESS_MANAGER)))
                    .orElse(null);
            if (user == null) {
                return fail("--approver must be an enabled all-markets administrator or process manager");
            }
            SubjectRequests.ErasureRequest done = requests.approve(request, user.username());
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("request", done.id().toString());
                out.put("status", done.status());
                out.put("pseudonym", done.pseudonym());
                out.put("result", done.result());
                System.out.println(JsonMapper.builder().build().writeValueAsString(out));
            } else {
                System.out.println("Erased " + customer + " (request " + done.id() + ", approved by " + user.username()
                        + "); now known as " + done.pseudonym() + ": " + done.result());
            }
            return 0;
        }

        private int fail(@Nullable String message) {
            if (json) {
                System.out.println(JsonMapper.builder().build().writeValueAsString(Map.of("refused", String.valueOf(message))));
            } else {
                System.err.println("Refused: " + message);
            }
            return 1;
        }
    }
}
