package dev.paydesk;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Paydesk entry point. Without a command word the server starts; with one (for example
 * {@code audit verify}) the matching CLI command runs and the process exits with its code.
 */
@SpringBootApplication
public class PaydeskApplication {

    public static void main(String[] args) {
        if (PaydeskCli.isCommand(args)) {
            System.exit(PaydeskCli.run(args));
        }
        SpringApplication.run(PaydeskApplication.class, serverArguments(args));
    }

    /** Translates launcher flags such as {@code --demo} into Spring properties. */
    static String[] serverArguments(String[] args) {
        List<String> out = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--demo")) {
                out.add("--paydesk.demo.enabled=true");
            } else {
                out.add(arg);
            }
        }
        return out.toArray(String[]::new);
    }
}
