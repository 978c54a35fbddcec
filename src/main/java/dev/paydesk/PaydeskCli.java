package dev.paydesk;

import java.util.List;
import java.util.Set;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.paydesk.shared.BenchmarkCommand;
import dev.paydesk.shared.CliCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs {@code bin/paydesk <command>}: boots Paydesk without the web server, registers every
 * {@link CliCommand} bean as a picocli sub-command and executes the requested one.
 */
@Command(name = "paydesk", mixinStandardHelpOptions = true, version = "Paydesk 0.1",
        description = "Paydesk back office. Without a command the server starts (add --demo for demo data).")
final class PaydeskCli implements Runnable {

    private static final Set<String> SERVER_FLAGS = Set.of("--demo");

    private PaydeskCli() {
    }

    static boolean isCommand(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        if (first.equals("--help") || first.equals("-h") || first.equals("help") || first.equals("--version")) {
            return true;
        }
        return !first.startsWith("-") && !SERVER_FLAGS.contains(first);
    }

    /** The profile of every command run (application-cli.properties): no republishing of the server's events. */
    static final String PROFILE = "cli";

    static int run(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PaydeskApplication.class)
                .web(WebApplicationType.NONE)
                .profiles(PROFILE)
                .logStartupInfo(false)
                .properties("spring.main.banner-mode=off", "paydesk.cli=true",
                        "logging.level.root=ERROR", "logging.level.dev.paydesk=WARN",
                        "logging.config=classpath:logback-cli.xml") // log lines to stderr, the output to stdout
                .run()) {
            CommandLine.IFactory factory = new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> type) throws Exception {
                    String[] names = context.getBeanNamesForType(type);
                    return names.length > 0 ? context.getBean(type) : CommandLine.defaultFactory().create(type);
                }
            };
            CommandLine cli = new CommandLine(new PaydeskCli(), factory);
            List<CliCommand> commands = context.getBeansOfType(CliCommand.class).values().stream()
                    .sorted((a, b) -> name(a).compareTo(name(b)))
                    .toList();
            for (CliCommand command : commands) {
                cli.addSubcommand(name(command), new CommandLine(command, factory));
            }
            CommandLine bench = new CommandLine(new Bench(), factory);
            context.getBeansOfType(BenchmarkCommand.class).values().stream()
                    .sorted((a, b) -> name(a).compareTo(name(b)))
                    .forEach(b -> bench.addSubcommand(name(b), new CommandLine(b, factory)));
            cli.addSubcommand("bench", bench);
            if (args.length > 0 && args[0].equals("help")) {
                cli.usage(System.out);
                return 0;
            }
            return cli.execute(args);
        }
    }

    private static String name(Object command) {
        Command annotation = command.getClass().getAnnotation(Command.class);
        if (annotation == null) {
            Class<?> superclass = command.getClass().getSuperclass();
            annotation = superclass.getAnnotation(Command.class);
        }
        return annotation == null ? command.getClass().getSimpleName() : annotation.name();
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** {@code bin/paydesk bench <name>}: the benchmarks the modules contribute. */
    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Benchmarks, each run side by side with its baseline; add --json for machine-readable figures.")
    static final class Bench implements Runnable {
        @Override
        public void run() {
            new CommandLine(this).usage(System.out);
        }
    }
}
