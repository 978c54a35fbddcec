package dev.paydesk.platform.web;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.platform.AuditVerification;
import dev.paydesk.platform.BusinessCalendar;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.Market;
import dev.paydesk.platform.OpeningHours;
import dev.paydesk.platform.internal.ApiTokenService;
import dev.paydesk.platform.internal.AuditQueries;
import dev.paydesk.platform.internal.JdbcAuditLog;
import dev.paydesk.platform.internal.MarketService;
import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.platform.internal.UserService;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** REST API of the platform: the caller, users, markets with calendars, audit log. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Platform", description = "Users, markets, business calendars, API tokens and the audit log")
class PlatformApiController {

    private final UserService users;
    private final MarketService markets;
    private final ApiTokenService tokens;
    private final JdbcAuditLog audit;
    private final AuditQueries auditQueries;

    PlatformApiController(UserService users, MarketService markets, ApiTokenService tokens, JdbcAuditLog audit,
                          AuditQueries auditQueries) {
        this.users = users;
        this.markets = markets;
        this.tokens = tokens;
        this.audit = audit;
        this.auditQueries = auditQueries;
    }

    // ---- the caller -------------------------------------------------------------------------

    @GetMapping("/me")
    @Operation(summary = "The authenticated user")
    UserAccount.View me(@AuthenticationPrincipal UserAccount me) {
        return me.view();
    }

    record TokenRequest(String name, @Nullable Instant expiresAt) {
    }

    @PostMapping("/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a personal API token; the secret is returned once")
    ApiTokenService.IssuedToken issueToken(@AuthenticationPrincipal UserAccount me, @RequestBody TokenRequest req) {
        return tokens.issue(me.id(), req.name(), req.expiresAt());
    }

    @GetMapping("/me/tokens")
    List<ApiTokenService.TokenInfo> myTokens(@AuthenticationPrincipal UserAccount me) {
        return tokens.tokens(me.id());
    }

    @DeleteMapping("/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@AuthenticationPrincipal UserAccount me, @PathVariable UUID id) {
        tokens.revoke(me.id(), id);
    }

    // ---- users (admin) ----------------------------------------------------------------------

    @GetMapping("/users")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    List<UserAccount.View> users() {
        return users.managed().stream().map(UserAccount::view).toList();
    }

    record NewUser(String username, @Nullable String displayName, @Nullable String email, List<String> roles,
                   @Nullable List<String> markets, @Nullable Boolean allMarkets) {
        boolean all() {
            return Boolean.TRUE.equals(allMarkets);
        }
    }

    record CreatedUser(UserAccount.View user, String oneTimePassword) {
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a user; returns a one-time password that must be changed at first sign-in")
    CreatedUser createUser(@RequestBody NewUser req) {
        String password = UserService.generatePassword();
        UserAccount created = users.create(new UserService.UserSpec(req.username(), req.displayName(), req.email(),
                req.roles(), req.markets() == null ? List.of() : req.markets(), req.all()), password, true);
        return new CreatedUser(created.view(), password);
    }

    @GetMapping("/users/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    UserAccount.View user(@PathVariable UUID id) {
        return users.requireManaged(id).view();
    }

    @PutMapping("/users/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    UserAccount.View updateUser(@PathVariable UUID id, @RequestBody NewUser req) {
        return users.update(id, new UserService.UserSpec(req.username(), req.displayName(), req.email(), req.roles(),
                req.markets() == null ? List.of() : req.markets(), req.all())).view();
    }

    record EnabledRequest(@Nullable Boolean enabled) {
    }

    @PutMapping("/users/{id}/enabled")
    @PreAuthorize("hasRole('ADMIN')")
    UserAccount.View enableUser(@PathVariable UUID id, @RequestBody EnabledRequest req) {
        if (req.enabled() == null) {
            throw new InvalidInputException("enabled", "enabled must be true or false");
        }
        return users.setEnabled(id, req.enabled()).view();
    }

    // ---- markets ----------------------------------------------------------------------------

    record MarketView(String code, String name, String currency, String timeZone, List<String> languages,
                      String holidayCountry) {
        static MarketView of(Market m) {
            return new MarketView(m.code(), m.name(), m.currency().getCurrencyCode(), m.zone().getId(), m.languages(),
                    m.holidayCountry());
        }
    }

    @GetMapping("/markets")
    @Operation(summary = "Markets the caller is scoped to")
    List<MarketView> markets() {
        return markets.markets().stream().filter(m -> CurrentUser.canAccessMarket(m.code())).map(MarketView::of).toList();
    }

    @GetMapping("/markets/{code}")
    MarketView market(@PathVariable String code) {
        return MarketView.of(scoped(code));
    }

    record MarketRequest(String code, String name, String currency, String timeZone, List<String> languages,
                         @Nullable String holidayCountry) {
        MarketService.MarketSpec spec() {
            return new MarketService.MarketSpec(code, name, currency, timeZone, languages, holidayCountry);
        }
    }

    @PostMapping("/markets")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    MarketView createMarket(@RequestBody MarketRequest req) {
        return MarketView.of(markets.create(req.spec()));
    }

    @PutMapping("/markets/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    MarketView updateMarket(@PathVariable String code, @RequestBody MarketRequest req) {
        return MarketView.of(markets.update(code, req.spec()));
    }

    record HoursView(DayOfWeek day, LocalTime opens, LocalTime closes) {
    }

    record CalendarView(String market, String timeZone, List<HoursView> openingHours,
                        Map<LocalDate, String> holidays, List<MarketService.HolidayOverride> overrides) {
    }

    @GetMapping("/markets/{code}/calendar")
    @Operation(summary = "Opening hours, the year's holidays (library plus overrides) and the overrides")
    CalendarView calendar(@PathVariable String code, @RequestParam(required = false) @Nullable Integer year) {
        Market m = scoped(code);
        BusinessCalendar cal = markets.calendar(code);
        int y = year == null ? LocalDate.now(m.zone()).getYear() : year;
        return new CalendarView(code, m.zone().getId(),
                cal.openingHours().stream().map(h -> new HoursView(h.day(), h.opens(), h.closes())).toList(),
                cal.holidays(y), markets.overrides(code));
    }

    @PutMapping("/markets/{code}/opening-hours")
    @PreAuthorize("hasAnyRole('ADMIN','PROCESS_MANAGER')")
    CalendarView replaceHours(@PathVariable String code, @RequestBody List<HoursView> hours) {
        scoped(code);
        markets.replaceOpeningHours(code, hours.stream().map(h -> {
            if (h.day() == null || h.opens() == null || h.closes() == null) {
                throw new InvalidInputException("openingHours", "each window needs day, opens and closes");
            }
            return new OpeningHours(h.day(), h.opens(), h.closes());
        }).toList());
        return calendar(code, null);
    }

    @PutMapping("/markets/{code}/holidays/{day}")
    @PreAuthorize("hasAnyRole('ADMIN','PROCESS_MANAGER')")
    @Operation(summary = "Add a closed day or mark a library holiday as worked (closed=false)")
    CalendarView putHoliday(@PathVariable String code, @PathVariable LocalDate day,
                            @RequestBody Map<String, Object> body) {
        scoped(code);
        Object closed = body.getOrDefault("closed", Boolean.TRUE);
        markets.putOverride(code, new MarketService.HolidayOverride(day, String.valueOf(body.getOrDefault("name", "")),
                Boolean.parseBoolean(String.valueOf(closed))));
        return calendar(code, day.getYear());
    }

    @DeleteMapping("/markets/{code}/holidays/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN','PROCESS_MANAGER')")
    void deleteHoliday(@PathVariable String code, @PathVariable LocalDate day) {
        scoped(code);
        markets.removeOverride(code, day);
    }

    record BusinessTime(String market, Instant from, Instant to, long businessMinutes) {
    }

    @GetMapping("/markets/{code}/business-time")
    @Operation(summary = "Business minutes between two instants on the market's calendar")
    BusinessTime businessTime(@PathVariable String code, @RequestParam Instant from, @RequestParam Instant to) {
        scoped(code);
        return new BusinessTime(code, from, to, markets.calendar(code).businessMinutesBetween(from, to));
    }

    record Deadline(String market, Instant start, long businessMinutes, Instant due) {
    }

    @GetMapping("/markets/{code}/deadline")
    @Operation(summary = "The instant after the given business minutes from a start")
    Deadline deadline(@PathVariable String code, @RequestParam Instant start, @RequestParam long minutes) {
        scoped(code);
        if (minutes < 0) {
            throw new InvalidInputException("minutes", "minutes must not be negative");
        }
        return new Deadline(code, start, minutes, markets.calendar(code).plusBusinessTime(start, Duration.ofMinutes(minutes)));
    }

    private Market scoped(String code) {
        Market m = markets.require(code.toUpperCase(java.util.Locale.ROOT));
        if (!CurrentUser.canAccessMarket(m.code())) {
            throw new NotFoundException("market " + code + " does not exist");
        }
        return m;
    }

    // ---- audit ------------------------------------------------------------------------------

    @GetMapping("/audit")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    List<JdbcAuditLog.Entry> audit(@RequestParam(required = false) @Nullable String entityType,
                                   @RequestParam(required = false) @Nullable String entityId,
                                   @RequestParam(required = false) @Nullable String actor,
                                   @RequestParam(defaultValue = "100") int limit) {
        return auditQueries.search(entityType, entityId, actor, limit);
    }

    @PostMapping("/audit/verify")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "Walk the hash chain and report the first broken link")
    AuditVerification verify() {
        return audit.verify();
    }
}
