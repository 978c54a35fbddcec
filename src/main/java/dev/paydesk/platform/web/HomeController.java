package dev.paydesk.platform.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.paydesk.platform.BusinessCalendar;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.HomeWidget;
import dev.paydesk.platform.Market;
import dev.paydesk.platform.internal.MarketService;

/** Sign-in page and the overview every user lands on. */
@Controller
class HomeController {

    private final MarketService markets;
    private final Clock clock;
    private final ObjectProvider<ClientRegistrationRepository> identityProviders;
    private final boolean passwordLogin;
    private final List<HomeWidget> widgets;
    private final boolean passkeys;

    HomeController(MarketService markets, Clock clock, ObjectProvider<ClientRegistrationRepository> identityProviders,
                   @Value("${paydesk.security.password-login:true}") boolean passwordLogin,
                   @Value("${paydesk.security.passkeys.enabled:true}") boolean passkeys, List<HomeWidget> widgets) {
        this.passkeys = passkeys;
        this.markets = markets;
        this.clock = clock;
        this.identityProviders = identityProviders;
        this.passwordLogin = passwordLogin;
        this.widgets = widgets.stream().sorted(java.util.Comparator.comparingInt(HomeWidget::order)).toList();
    }

    /** An identity provider offered on the login page. */
    record IdentityProvider(String id, String name) {
    }

    @GetMapping("/login")
    String login(Model model, HttpSession session) {
        List<IdentityProvider> providers = new java.util.ArrayList<>();
        if (identityProviders.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object r : registrations) {
                ClientRegistration registration = (ClientRegistration) r;
                providers.add(new IdentityProvider(registration.getRegistrationId(), registration.getClientName()));
            }
        }
        model.addAttribute("identityProviders", providers);
        model.addAttribute("passwordLogin", passwordLogin);
        model.addAttribute("passkeys", passkeys);
        Object ssoError = session.getAttribute(SSO_ERROR);
        if (ssoError != null) {
            session.removeAttribute(SSO_ERROR);
            model.addAttribute("ssoError", ssoError);
        }
        return "login";
    }

    /** Where the single sign-on failure handler leaves the refusal's reason (SsoLogin.ERROR_ATTRIBUTE). */
    static final String SSO_ERROR = "paydesk.sso.error";

    record MarketStatus(String code, String name, String currency, String zone, String localTime, boolean openNow,
                        String nextHoliday) {
    }

    @GetMapping("/")
    String home(Model model) {
        List<MarketStatus> status = markets.markets().stream().filter(m -> CurrentUser.canAccessMarket(m.code()))
                .map(this::status).toList();
        model.addAttribute("marketStatus", status);
        model.addAttribute("widgets", CurrentUser.principal()
                .map(user -> widgets.stream().flatMap(w -> w.panel(user).stream()).toList()).orElse(List.of()));
        return "home";
    }

    private MarketStatus status(Market m) {
        BusinessCalendar cal = markets.calendar(m.code());
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(m.zone()));
        boolean open = !cal.businessTimeBetween(now.toInstant(), now.toInstant().plusSeconds(60)).isZero();
        LocalDate today = now.toLocalDate();
        String next = "—";
        for (int y = today.getYear(); y <= today.getYear() + 1 && next.equals("—"); y++) {
            SortedMap<LocalDate, String> tail = cal.holidays(y).tailMap(today);
            if (!tail.isEmpty()) {
                Map.Entry<LocalDate, String> e = tail.entrySet().iterator().next();
                next = e.getKey() + " · " + e.getValue();
            }
        }
        return new MarketStatus(m.code(), m.name(), m.currency().getCurrencyCode(), m.zone().getId(),
                now.format(DateTimeFormatter.ofPattern("EEE HH:mm")), open, next);
    }
}
