package dev.paydesk.platform.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.platform.BusinessCalendar;
import dev.paydesk.platform.Market;
import dev.paydesk.platform.OpeningHours;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.MarketService;
import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/** Markets and their business calendars: every user sees their markets; admins and process managers edit. */
@Controller
class MarketsController {

    private final MarketService markets;

    MarketsController(MarketService markets) {
        this.markets = markets;
    }

    record MarketForm(@Nullable String code, @Nullable String name, @Nullable String currency,
                      @Nullable String timeZone, @Nullable String languages, @Nullable String holidayCountry) {
        MarketService.MarketSpec spec() {
            List<String> langs = languages == null ? List.of()
                    : Arrays.stream(languages.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
            return new MarketService.MarketSpec(code == null ? "" : code.trim().toUpperCase(Locale.ROOT), name,
                    currency, timeZone, langs, holidayCountry);
        }
    }

    @GetMapping("/markets")
    String list(@AuthenticationPrincipal UserAccount me, Model model) {
        model.addAttribute("markets", markets.markets().stream().filter(m -> me.canAccessMarket(m.code())).toList());
        model.addAttribute("isAdmin", me.hasRole(Role.ADMIN));
        model.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList());
        return "markets";
    }

    @PostMapping("/markets")
    String create(@AuthenticationPrincipal UserAccount me, MarketForm form, Model model, RedirectAttributes redirect) {
        if (!me.hasRole(Role.ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("only administrators add markets");
        }
        try {
            Market m = markets.create(form.spec());
            redirect.addFlashAttribute("flash", "Market " + m.code() + " added with Monday–Friday 09:00–17:00 hours.");
            return "redirect:/markets/" + m.code();
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", form);
            return list(me, model);
        }
    }

    record DayRow(DayOfWeek day, String label, @Nullable LocalTime opens, @Nullable LocalTime closes) {
    }

    @GetMapping("/markets/{code}")
    String detail(@AuthenticationPrincipal UserAccount me, @PathVariable String code,
                  @RequestParam(required = false) @Nullable Integer year, Model model) {
        Market market = scoped(me, code);
        BusinessCalendar cal = markets.calendar(market.code());
        int y = year == null ? LocalDate.now(market.zone()).getYear() : year;
        List<DayRow> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            OpeningHours first = cal.openingHours().stream().filter(h -> h.day() == d).findFirst().orElse(null);
            days.add(new DayRow(d, d.getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                    first == null ? null : first.opens(), first == null ? null : first.closes()));
        }
        model.addAttribute("market", market);
        model.addAttribute("days", days);
        model.addAttribute("year", y);
        model.addAttribute("holidays", cal.holidays(y));
        model.addAttribute("overrides", markets.overrides(market.code()));
        model.addAttribute("canEdit", me.hasRole(Role.ADMIN) || me.hasRole(Role.PROCESS_MANAGER));
        model.addAttribute("canEditMarket", me.hasRole(Role.ADMIN));
        return "market";
    }

    @PostMapping("/markets/{code}/hours")
    String hours(@AuthenticationPrincipal UserAccount me, @PathVariable String code,
                 @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Market market = editable(me, code);
        try {
            List<OpeningHours> hours = new ArrayList<>();
            for (DayOfWeek d : DayOfWeek.values()) {
                String opens = params.getOrDefault("opens_" + d, "");
                String closes = params.getOrDefault("closes_" + d, "");
                if (opens.isBlank() && closes.isBlank()) {
                    continue;
                }
                if (opens.isBlank() || closes.isBlank()) {
                    throw new InvalidInputException("openingHours", d + ": give both an opening and a closing time");
                }
                hours.add(new OpeningHours(d, LocalTime.parse(opens), LocalTime.parse(closes)));
            }
            markets.replaceOpeningHours(market.code(), hours);
            redirect.addFlashAttribute("flash", "Opening hours saved.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/markets/" + market.code();
    }

    @PostMapping("/markets/{code}/holidays")
    String addHoliday(@AuthenticationPrincipal UserAccount me, @PathVariable String code, LocalDate day, String name,
                      boolean closed, RedirectAttributes redirect) {
        Market market = editable(me, code);
        try {
            markets.putOverride(market.code(), new MarketService.HolidayOverride(day, name, closed));
            redirect.addFlashAttribute("flash", "Holiday change saved.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/markets/" + market.code() + "?year=" + day.getYear();
    }

    @PostMapping("/markets/{code}/holidays/{day}/delete")
    String removeHoliday(@AuthenticationPrincipal UserAccount me, @PathVariable String code,
                         @PathVariable LocalDate day, RedirectAttributes redirect) {
        Market market = editable(me, code);
        markets.removeOverride(market.code(), day);
        redirect.addFlashAttribute("flash", "Holiday change removed.");
        return "redirect:/markets/" + market.code() + "?year=" + day.getYear();
    }

    @PostMapping("/markets/{code}/details")
    String details(@AuthenticationPrincipal UserAccount me, @PathVariable String code, MarketForm form,
                   RedirectAttributes redirect) {
        if (!me.hasRole(Role.ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("only administrators edit markets");
        }
        Market market = scoped(me, code);
        try {
            markets.update(market.code(), form.spec());
            redirect.addFlashAttribute("flash", "Market saved.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/markets/" + market.code();
    }

    private Market scoped(UserAccount me, String code) {
        Market m = markets.require(code.toUpperCase(Locale.ROOT));
        if (!me.canAccessMarket(m.code())) {
            throw new NotFoundException("market " + code + " does not exist");
        }
        return m;
    }

    private Market editable(UserAccount me, String code) {
        Market m = scoped(me, code);
        if (!me.hasRole(Role.ADMIN) && !me.hasRole(Role.PROCESS_MANAGER)) {
            throw new org.springframework.security.access.AccessDeniedException("only administrators and process managers edit calendars");
        }
        return m;
    }
}
