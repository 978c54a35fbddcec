package dev.paydesk.platform.cli;

import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.platform.internal.UserService;
import dev.paydesk.shared.CliCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bin/paydesk users list|reset-password}: recovery tools for operators with shell access. */
@Component
@Command(name = "users", description = "User administration from the shell.", mixinStandardHelpOptions = true,
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.ResetPassword.class})
class UsersCommand implements CliCommand, Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Component
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users with roles and markets.")
    static class ListUsers implements Callable<Integer> {

        private final UserService users;

        ListUsers(UserService users) {
            this.users = users;
        }

        @Override
        public Integer call() {
            System.out.printf("%-24s %-10s %-40s %s%n", "USERNAME", "STATUS", "ROLES", "MARKETS");
            for (UserAccount u : users.all()) {
                System.out.printf("%-24s %-10s %-40s %s%n", u.username(), u.enabled() ? "active" : "disabled",
                        String.join(",", u.view().roles()).toLowerCase(),
                        u.allMarkets() ? "all" : String.join(",", u.view().markets()));
            }
            return 0;
        }
    }

    @Component
    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Set a new one-time password for a user (printed once; must be changed at sign-in).")
    static class ResetPassword implements Callable<Integer> {

        private final UserService users;

        @Parameters(index = "0", description = "the username")
        String username = "";

        ResetPassword(UserService users) {
            this.users = users;
        }

        @Override
        public Integer call() {
            var user = users.findByUsername(username);
            if (user.isEmpty()) {
                System.err.println("No user named '" + username + "'.");
                return 2;
            }
            String password = users.resetPassword(user.get().id());
            System.out.println("One-time password for " + user.get().username() + ": " + password);
            return 0;
        }
    }
}
