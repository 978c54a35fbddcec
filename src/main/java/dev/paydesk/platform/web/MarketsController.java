package dev.paydesk.platform.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.platform.BusinessCalendar;
import dev.paydesk.platform.DatedHours;
import dev.paydesk.platform.Market;
import dev.paydesk.platform.OpeningHours;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.DatedHoursService;
import dev.paydesk.platform.internal.HolidaySetService;
import dev.paydesk.platform.internal.MarketService;
import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/** Markets and their business calendars: every user sees their markets; admins and process managers edit. */
@Controller
class MarketsController {

    private static final Pattern WINDOW_PARAM = Pattern.compile("opens_([A-Z]+)_(\\d{1,2})");

    private final MarketService markets;
    private final DatedHoursService datedHours;
    private final HolidaySetService holidaySets;
    private final MessageSource messages;

    MarketsController(MarketService markets, DatedHoursService datedHours, HolidaySetService holidaySets,
                      MessageSource messages) {
        this.markets = markets;
        this.datedHours = datedHours;
        this.holidaySets = holidaySets;
        this.messages = messages;
    }

    record MarketForm(@Nullable String code, @Nullable String name, @Nullable String currency,
                      @Nullable String timeZone, @Nullable String languages, @Nullable String holidayCountry,
                      @Nullable Boolean noPublicHolidays) {
        MarketService.MarketSpec spec() {
            List<String> langs = languages == null ? List.of()
                    : Arrays.stream(languages.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
            return new MarketService.MarketSpec(code == null ? "" : code.trim().toUpperCase(Locale.ROOT), name,
                    currency, timeZone, langs, holidayCountry, !Boolean.TRUE.equals(noPublicHolidays));
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
            redirect.addFlashAttribute("flash", text("flash.market.added", m.code()));
            return "redirect:/markets/" + m.code();
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", form);
            return list(me, model);
        }
    }

    /** One editable window row; each day shows its windows and one empty row for another. */
    record DayRow(DayOfWeek day, int index, String label, String opens, String closes) {
    }

    @GetMapping("/markets/{code}")
    String detail(@AuthenticationPrincipal UserAccount me, @PathVariable String code,
                  @RequestParam(required = false) @Nullable Integer year, Model model) {
        Market market = scoped(me, code);
        BusinessCalendar cal = markets.calendar(market.code());
        int y = year == null ? LocalDate.now(market.zone()).getYear() : year;
        List<DayRow> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            String label = d.getDisplayName(TextStyle.FULL, org.springframework.context.i18n.LocaleContextHolder.getLocale());
            List<OpeningHours> open = cal.openingHours().stream().filter(h -> h.day() == d).toList();
            for (int i = 0; i < open.size(); i++) {
                days.add(new DayRow(d, i, label, open.get(i).opensText(), open.get(i).closesText()));
            }
            days.add(new DayRow(d, open.size(), label, "", ""));
        }
        model.addAttribute("market", market);
        model.addAttribute("days", days);
        model.addAttribute("datedHours", cal.datedHours());
        model.addAttribute("holidaySets", holidaySets.setsOf(market.code()));
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
            for (String name : params.keySet()) {
                Matcher m = WINDOW_PARAM.matcher(name);
                if (!m.matches()) {
                    continue;
                }
                DayOfWeek d = dayOf(m.group(1));
                String suffix = m.group(1) + "_" + m.group(2);
                window(d, params.get("opens_" + suffix), params.get("closes_" + suffix)).ifPresent(hours::add);
            }
            markets.replaceOpeningHours(market.code(), hours);
            redirect.addFlashAttribute("flash", text("flash.market.hoursSaved"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/markets/" + market.code();
    }

    @PostMapping("/markets/{code}/holidays")
    String addHoliday(@AuthenticationPrincipal UserAccount me, @PathVariable String code,
                      @RequestParam(required = false) @Nullable LocalDate day, @Nullable String name,
                      boolean closed, RedirectAttributes redirect) {
        Market market = editable(me, code);
        if (day == null) {
            redirect.addFlashAttribute("error", text("calendar.dated.dayRequired"));
            return "redirect:/markets/" + market.code();
        }
        try {
            markets.putOverride(market.code(), new MarketService.HolidayOverride(day, name, closed));
            redirect.addFlashAttribute("flash", text("flash.market.holidaySaved"));
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
        redirect.addFlashAttribute("flash", text("flash.market.holidayRemoved"));
        return "redirect:/markets/" + market.code() + "?year=" + day.getYear();
    }

    @PostMapping("/markets/{code}/dated-hours")
    String putDatedHours(@AuthenticationPrincipal UserAccount me, @PathVariable String code,
                         @RequestParam(required = false) @Nullable LocalDate day,
                         @RequestParam(required = false) @Nullable String note,
                         @RequestParam(required = false) @Nullable String opens,
                         @RequestParam(required = false) @Nullable String closes, RedirectAttributes redirect) {
        Market market = editable(me, code);
        try {
            if (day == null) {
                throw new InvalidInputException("day", text("calendar.dated.dayRequired"));
            }
            datedHours.put(market.code(), new DatedHours(day, note == null ? "" : note,
                    window(day.getDayOfWeek(), opens, closes).map(List::of).orElse(List.of())));
            redirect.addFlashAttribute("flash", text("calendar.dated.saved"));
            return "redirect:/markets/" + market.code() + "?year=" + day.getYear();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/markets/" + market.code();
        }
    }

    @PostMapping("/markets/{code}/dated-hours/{day}/delete")
    String removeDatedHours(@AuthenticationPrincipal UserAccount me, @PathVariable String code,
                            @PathVariable LocalDate day, RedirectAttributes redirect) {
        Market market = editable(me, code);
        datedHours.remove(market.code(), day);
        redirect.addFlashAttribute("flash", text("calendar.dated.removed"));
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
            redirect.addFlashAttribute("flash", text("flash.market.saved"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/markets/" + market.code();
    }

    /** A window from two form fields; both empty is no window, one empty or a bad time a 400-style error. */
    private static Optional<OpeningHours> window(DayOfWeek d, @Nullable String opens, @Nullable String closes) {
        boolean noOpening = opens == null || opens.isBlank();
        boolean noClosing = closes == null || closes.isBlank();
        if (noOpening && noClosing) {
            return Optional.empty();
        }
        if (noOpening || noClosing) {
            throw new InvalidInputException("openingHours", d + ": give both an opening and a closing time");
        }
        return Optional.of(new OpeningHours(d, OpeningHours.parse("opens", opens, false),
                OpeningHours.parse("closes", closes, true)));
    }

    private static DayOfWeek dayOf(String name) {
        try {
            return DayOfWeek.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("openingHours", "'" + name + "' is not a day of the week");
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
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
