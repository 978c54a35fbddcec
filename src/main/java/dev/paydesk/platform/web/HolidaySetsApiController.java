package dev.paydesk.platform.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.internal.HolidaySetService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;

/**
 * Company-wide holiday sets that markets reference ({@code PUT /markets/{code}/holiday-sets}). Everyone signed in
 * reads them; admins and process managers change a set only when they are scoped to every market using it.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Markets")
class HolidaySetsApiController {

    private final HolidaySetService holidaySets;

    HolidaySetsApiController(HolidaySetService holidaySets) {
        this.holidaySets = holidaySets;
    }

    record HolidaySetRequest(@Nullable String description, @Nullable Map<LocalDate, String> days) {
    }

    @GetMapping("/holiday-sets")
    @Operation(summary = "Company-wide holiday sets with their dates and the markets using them")
    List<HolidaySetService.HolidaySet> holidaySets() {
        return holidaySets.all();
    }

    @GetMapping("/holiday-sets/{name}")
    HolidaySetService.HolidaySet holidaySet(@PathVariable String name) {
        return holidaySets.require(name);
    }

    @PutMapping("/holiday-sets/{name}")
    @ProcessManagerOrAdmin
    @Operation(summary = "Create or replace a holiday set; only callers scoped to every market using it may change it")
    HolidaySetService.HolidaySet putHolidaySet(@PathVariable String name, @RequestBody HolidaySetRequest req) {
        holidaySets.find(name).ifPresent(HolidaySetsApiController::requireScopeOverSet);
        Map<LocalDate, String> days = req.days() == null ? Map.of() : req.days();
        days.keySet().forEach(d -> MarketsApiController.requireYear("days", d.getYear()));
        return holidaySets.put(name, req.description(), days);
    }

    @DeleteMapping("/holiday-sets/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProcessManagerOrAdmin
    void deleteHolidaySet(@PathVariable String name) {
        requireScopeOverSet(holidaySets.require(name));
        holidaySets.delete(name);
    }

    private static void requireScopeOverSet(HolidaySetService.HolidaySet set) {
        List<String> outside = set.markets().stream().filter(mk -> !CurrentUser.canAccessMarket(mk)).toList();
        if (!outside.isEmpty()) {
            throw new AccessDeniedException("holiday set '" + set.name() + "' is also used by markets outside your scope");
        }
    }
}
