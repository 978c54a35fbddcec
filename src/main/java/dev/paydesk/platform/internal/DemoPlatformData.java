package dev.paydesk.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.paydesk.platform.OpeningHours;

/**
 * Demo mode ({@code bin/paydesk --demo}): seven EU markets with their real time zones, currencies,
 * languages and public holidays, and one demo user per role. Demo passwords are random, printed at
 * the first demo start and kept in {@code ~/.paydesk/demo-credentials.txt} (readable by the owner only).
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "paydesk.demo.enabled", havingValue = "true")
class DemoPlatformData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPlatformData.class);

    record DemoMarket(String code, String name, String currency, String zone, List<String> languages) {
    }

    static final List<DemoMarket> MARKETS = List.of(
            new DemoMarket("DE", "Germany", "EUR", "Europe/Berlin", List.of("de", "en")),
            new DemoMarket("FR", "France", "EUR", "Europe/Paris", List.of("fr", "en")),
            new DemoMarket("NL", "Netherlands", "EUR", "Europe/Amsterdam", List.of("nl", "en")),
            new DemoMarket("IT", "Italy", "EUR", "Europe/Rome", List.of("it", "en")),
            new DemoMarket("ES", "Spain", "EUR", "Europe/Madrid", List.of("es", "en")),
            new DemoMarket("PL", "Poland", "PLN", "Europe/Warsaw", List.of("pl", "en")),
            new DemoMarket("SE", "Sweden", "SEK", "Europe/Stockholm", List.of("sv", "en")));

    record DemoUser(String username, String displayName, String role, List<String> markets, boolean all) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("demo.admin", "Alex Admin", "ADMIN", List.of(), true),
            new DemoUser("demo.agent", "Anna Agent", "AGENT", List.of("DE", "NL"), false),
            new DemoUser("demo.specialist", "Sam Specialist", "SPECIALIST", List.of("DE", "FR", "NL"), false),
            new DemoUser("demo.disputes", "Dana Disputes", "DISPUTE_SPECIALIST", List.of(), true),
            new DemoUser("demo.realtime", "Rik Realtime", "REALTIME_MANAGER", List.of(), true),
            new DemoUser("demo.process", "Paula Process", "PROCESS_MANAGER", List.of("DE", "FR", "IT", "ES"), false),
            new DemoUser("demo.auditor", "Otto Auditor", "AUDITOR", List.of(), true),
            new DemoUser("demo.quality", "Quinn Quality", "QUALITY_REVIEWER", List.of("DE", "NL"), false));

    private final MarketService markets;
    private final UserService users;
    private final Path credentialsFile;

    DemoPlatformData(MarketService markets, UserService users,
                     @org.springframework.beans.factory.annotation.Value("${paydesk.demo.credentials-file:${user.home}/.paydesk/demo-credentials.txt}") String credentialsFile) {
        this.markets = markets;
        this.users = users;
        this.credentialsFile = Path.of(credentialsFile);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "demo-seed", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            seedMarkets();
            List<String> lines = seedUsers();
            if (!lines.isEmpty()) {
                Files.createDirectories(credentialsFile.getParent());
                boolean freshDatabase = lines.size() == USERS.size();
                Files.write(credentialsFile, lines, java.nio.file.StandardOpenOption.CREATE,
                        freshDatabase ? java.nio.file.StandardOpenOption.TRUNCATE_EXISTING
                                : java.nio.file.StandardOpenOption.APPEND);
                Files.setPosixFilePermissions(credentialsFile, PosixFilePermissions.fromString("rw-------"));
            }
            if (Files.exists(credentialsFile)) {
                System.out.println("\nPaydesk demo users (also in " + credentialsFile + "):");
                Files.readAllLines(credentialsFile).forEach(l -> System.out.println("  " + l));
                System.out.println();
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void seedMarkets() {
        for (DemoMarket m : MARKETS) {
            if (markets.market(m.code()).isPresent()) {
                continue;
            }
            markets.create(new MarketService.MarketSpec(m.code(), m.name(), m.currency(), m.zone(), m.languages(), null));
            List<OpeningHours> hours = new ArrayList<>();
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d == DayOfWeek.SUNDAY) {
                    continue;
                }
                hours.add(d == DayOfWeek.SATURDAY ? new OpeningHours(d, LocalTime.of(10, 0), LocalTime.of(14, 0))
                        : new OpeningHours(d, LocalTime.of(8, 0), LocalTime.of(18, 0)));
            }
            markets.replaceOpeningHours(m.code(), hours);
            log.info("Demo market {} created", m.code());
        }
    }

    private List<String> seedUsers() {
        List<String> lines = new ArrayList<>();
        for (DemoUser u : USERS) {
            if (users.findByUsername(u.username()).isPresent()) {
                continue;
            }
            String password = UserService.generatePassword();
            users.create(new UserService.UserSpec(u.username(), u.displayName(), null, List.of(u.role()), u.markets(),
                    u.all()), password, false);
            lines.add(String.format("%-16s %-18s password: %s  markets: %s", u.username(), u.role().toLowerCase(),
                    password, u.all() ? "all" : String.join(",", u.markets())));
        }
        return lines;
    }
}
