package dev.paydesk.insights.digest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
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

import dev.paydesk.platform.access.AnyRole;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.ListPage;
import dev.paydesk.shared.ListQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's own e-mail digest subscriptions (markets they may see); every change is audited. */
@RestController
@RequestMapping("/api/v1/insights/subscriptions")
@Tag(name = "Insights", description = "KPIs per market and day, drill-downs and the KPI catalogue")
@AnyRole
class SubscriptionApiController {

    private final Subscriptions subscriptions;

    SubscriptionApiController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** A page of subscriptions. */
    record Page(List<View> items, long total, int page, int size, @Nullable String sort, String dir) {
    }

    /** One subscription as the API shows it. */
    record View(UUID id, String frequency, List<String> markets, String timeZone, String language, int sendHour,
                boolean targetAlerts, java.time.Instant createdAt) {
        static View of(Subscriptions.Subscription s) {
            return new View(s.id(), s.frequency().name().toLowerCase(java.util.Locale.ROOT), s.markets(), s.timeZone(),
                    s.language(), s.sendHour(), s.targetAlerts(), s.createdAt());
        }
    }

    /** A subscription to create or replace; omitted fields take their defaults. */
    record Body(@Nullable String frequency, @Nullable List<String> markets, @Nullable String timeZone,
                @Nullable String language, @Nullable Integer sendHour, @Nullable Boolean targetAlerts) {
        Subscriptions.Form form() {
            return new Subscriptions.Form(frequency, markets, timeZone, language, sendHour, targetAlerts);
        }
    }

    @GetMapping
    @Operation(summary = "My digest subscriptions, a page at a time",
            description = "sort: frequency, markets, timeZone, sendHour, created; dir: asc or desc")
    Page list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
              @RequestParam(required = false) @Nullable String sort, @RequestParam(defaultValue = "asc") String dir) {
        if (page < 0 || size < 1 || size > ListQuery.MAX_SIZE) {
            throw new InvalidInputException("size", "page from 0, size 1 to " + ListQuery.MAX_SIZE);
        }
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw new InvalidInputException("dir", "dir is asc or desc");
        }
        ListPage<Subscriptions.Subscription> p = subscriptions.mine(new ListQuery(page, size, sort, dir.equals("desc"), null, Map.of()));
        if (p.unknownSort()) {
            throw new InvalidInputException("sort", "sort by one of " + Subscriptions.SORTS.keySet());
        }
        return new Page(p.items().stream().map(View::of).toList(), p.total(), page, size, sort, dir);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Subscribe to a daily or weekly KPI digest of markets I may see (409 if I already have it)",
            description = "Defaults: frequency daily, timeZone the first market's, language my UI language (en/de),"
                    + " sendHour 7 (local), targetAlerts true (also e-mail target crossings of these markets)")
    View create(@RequestBody Body body) {
        return View.of(subscriptions.create(body.form(), LocaleContextHolder.getLocale()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of my subscriptions")
    View one(@PathVariable UUID id) {
        return View.of(subscriptions.mine(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change one of my subscriptions")
    View update(@PathVariable UUID id, @RequestBody Body body) {
        return View.of(subscriptions.update(id, body.form(), LocaleContextHolder.getLocale()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unsubscribe")
    void delete(@PathVariable UUID id) {
        subscriptions.delete(id);
    }
}
