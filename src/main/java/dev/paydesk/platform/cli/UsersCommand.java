package dev.paydesk.platform.cli;

import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import dev.paydesk.platform.internal.LoginThrottle;
import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.platform.internal.UserService;
import dev.paydesk.shared.CliCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/paydesk users list|reset-password|unlock}: recovery tools for operators with shell access. */
@Component
@Command(name = "users", description = "User administration from the shell.", mixinStandardHelpOptions = true,
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.ResetPassword.class, UsersCommand.Unlock.class})
class UsersCommand implements CliCommand, Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Component
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users with roles and markets.")
    static class ListUsers implements Callable<Integer> {

        private final UserService users;
        private final LoginThrottle logins;

        ListUsers(UserService users, LoginThrottle logins) {
            this.users = users;
            this.logins = logins;
        }

        @Override
        public Integer call() {
            System.out.printf("%-24s %-10s %-40s %s%n", "USERNAME", "STATUS", "ROLES", "MARKETS");
            for (UserAccount u : users.all()) {
                String status = !u.enabled() ? "disabled" : logins.lockedUntil(u.username()).isPresent() ? "locked" : "active";
                System.out.printf("%-24s %-10s %-40s %s%n", u.username(), status,
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

    @Component
    @Command(name = "unlock", mixinStandardHelpOptions = true,
            description = "Lift the sign-in lockout of a user (or, with --address, of a client address).")
    static class Unlock implements Callable<Integer> {

        private final UserService users;
        private final LoginThrottle logins;

        @Parameters(index = "0", description = "the username, or the client address with --address")
        String name = "";

        @Option(names = "--address", description = "unlock a client address instead of a user")
        boolean address;

        Unlock(UserService users, LoginThrottle logins) {
            this.users = users;
            this.logins = logins;
        }

        @Override
        public Integer call() {
            if (address) {
                boolean lifted = logins.unlock(LoginThrottle.Kind.ADDRESS, name.strip());
                System.out.println(lifted ? "Address " + name + " unlocked." : "No failed sign-ins recorded from " + name + ".");
                return 0;
            }
            var user = users.findByUsername(name);
            if (user.isEmpty()) {
                System.err.println("No user named '" + name + "'.");
                return 2;
            }
            boolean lifted = logins.unlock(LoginThrottle.Kind.ACCOUNT, user.get().username());
            System.out.println(lifted ? user.get().username() + " unlocked." : user.get().username() + " was not locked.");
            return 0;
        }
    }
}
