package dev.paydesk.platform.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the very first start (no users yet) creates the {@code admin} user with a random one-time
 * password, printed once to the console; it must be changed at first sign-in. There is never a
 * fixed default password.
 */
@Component
@Order(0)
class FirstStartBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStartBootstrap.class);

    private final UserService users;
    private final boolean cli;

    FirstStartBootstrap(UserService users, @Value("${paydesk.cli:false}") boolean cli) {
        this.users = users;
        this.cli = cli;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (cli || users.count() > 0) {
            return;
        }
        String password = UserService.generatePassword();
        users.create(new UserService.UserSpec("admin", "Administrator", null, List.of("ADMIN"), List.of(), true),
                password, true);
        String banner = """

                ================================================================
                 Paydesk first start: an administrator account was created.
                   username: admin
                   one-time password: %s
                 You must choose a new password at first sign-in.
                ================================================================
                """.formatted(password);
        System.out.println(banner);
        log.info("Created the initial admin user (one-time password printed to the console)");
    }
}
