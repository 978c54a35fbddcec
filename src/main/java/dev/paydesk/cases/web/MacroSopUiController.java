package dev.paydesk.cases.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.cases.CaseSettingsCatalog;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.shared.NotFoundException;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;

/** Reply macros (every language) and SOP checklists (every version; saving an edit publishes a new version). */
@Controller
@ProcessManagerOrAdmin
class MacroSopUiController {

    private final CaseWorkbench workbench;
    private final CaseSettingsCatalog catalog;
    private final MessageSource messages;

    MacroSopUiController(CaseWorkbench workbench, CaseSettingsCatalog catalog, MessageSource messages) {
        this.workbench = workbench;
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping("/cases/settings/macros")
    String macros(Model model, Locale locale) {
        return macroPage(model, new SettingsForm(messages, locale, Map.of()).set("language", "en"), false);
    }

    @GetMapping("/cases/settings/macros/{code}/{language}")
    String macro(@PathVariable String code, @PathVariable String language, Model model, Locale locale) {
        CaseWorkbench.Macro m = catalog.macro(code, language)
                .orElseThrow(() -> new NotFoundException("macro " + code + "/" + language + " not found"));
        return macroPage(model, new SettingsForm(messages, locale, Map.of()).set("code", m.code()).set("language", m.language())
                .set("title", m.title()).set("body", m.body()).set("articles", String.join(", ", m.articles())), true);
    }

    @PostMapping("/cases/settings/macros")
    String saveMacro(@RequestParam Map<String, String> params, Model model, Locale locale, RedirectAttributes redirect) {
        SettingsForm form = new SettingsForm(messages, locale, params);
        String code = form.required("code");
        String language = form.required("language").toLowerCase(Locale.ROOT);
        String title = form.required("title");
        String body = form.required("body");
        if (!language.isEmpty() && !language.matches("[a-z]{2}")) {
            form.reject("language", messages.getMessage("settings.error.language", null, locale));
        }
        List<String> articles = Arrays.stream(params.getOrDefault("articles", "").split("[,\\s]+"))
                .filter(a -> !a.isBlank()).toList();
        if (form.submit(() -> workbench.saveMacro(new CaseWorkbench.Macro(code, language, title, body, articles))).isPresent()) {
            redirect.addFlashAttribute("flash", messages.getMessage("settings.macros.saved", new Object[] {code, language}, locale));
            return "redirect:/cases/settings/macros";
        }
        return macroPage(model, form, "true".equals(params.get("editing")));
    }

    private String macroPage(Model model, SettingsForm form, boolean editing) {
        model.addAttribute("macros", catalog.macros());
        return form.render(model, "macros", editing);
    }

    @GetMapping("/cases/settings/sops")
    String sops(Model model, Locale locale) {
        return sopPage(model, new SettingsForm(messages, locale, Map.of()), null);
    }

    @GetMapping("/cases/settings/sops/{id}")
    String sop(@PathVariable long id, Model model, Locale locale) {
        CaseWorkbench.Sop s = catalog.sop(id).orElseThrow(() -> new NotFoundException("SOP " + id + " not found"));
        SettingsForm form = new SettingsForm(messages, locale, Map.of()).set("category", s.category()).set("market", s.market())
                .set("title", s.title()).set("steps", String.join("\n", s.steps().stream().map(CaseWorkbench.Step::text).toList()));
        return sopPage(model, form, s);
    }

    @PostMapping("/cases/settings/sops")
    String publishSop(@RequestParam Map<String, String> params, Model model, Locale locale, RedirectAttributes redirect) {
        SettingsForm form = new SettingsForm(messages, locale, params);
        String category = form.required("category");
        String market = form.text("market");
        String title = form.required("title");
        List<String> steps = Arrays.stream(form.required("steps").split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (market != null && !market.toUpperCase(Locale.ROOT).matches("[A-Z]{2}")) {
            form.reject("market", messages.getMessage("settings.error.market", null, locale));
        }
        var published = form.submit(() -> workbench.publishSop(category, market == null ? null : market.toUpperCase(Locale.ROOT),
                title, steps));
        if (published.isPresent()) {
            CaseWorkbench.Sop s = published.get();
            redirect.addFlashAttribute("flash", messages.getMessage("settings.sops.published", new Object[] {s.title(), s.version()}, locale));
            return "redirect:/cases/settings/sops/" + s.id();
        }
        CaseWorkbench.Sop viewed = params.containsKey("from") ? catalog.sop(form.integer("from", 0)).orElse(null) : null;
        return sopPage(model, form, viewed);
    }

    private String sopPage(Model model, SettingsForm form, CaseWorkbench.Sop viewed) {
        model.addAttribute("sops", catalog.sops());
        model.addAttribute("viewed", viewed);
        return form.render(model, "sops", false);
    }
}
