package dev.paydesk.triage.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.ListQuery;
import dev.paydesk.triage.Category;
import dev.paydesk.triage.CategorySpec;
import dev.paydesk.triage.Taxonomy;
import dev.paydesk.triage.TriageModels;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;

/** Taxonomy editor and model versions for process managers. */
@Controller
@RequestMapping("/triage")
@ProcessManagerOrAdmin
class TaxonomyController {

    private final Taxonomy taxonomy;
    private final TriageModels models;

    private final MessageSource messages;

    TaxonomyController(Taxonomy taxonomy, TriageModels models, MessageSource messages) {
        this.messages = messages;
        this.taxonomy = taxonomy;
        this.models = models;
    }

    /** Names are typed as {@code en=Refund missing; de=Erstattung fehlt}. */
    record CategoryForm(@Nullable String code, @Nullable String parentCode, @Nullable String names,
                        @Nullable String description, @Nullable String defaultQueue, @Nullable String sopRef,
                        @Nullable Integer version, @Nullable Boolean active) {

        CategorySpec spec() {
            Map<String, String> parsed = new LinkedHashMap<>();
            if (names != null) {
                for (String pair : names.split("[;\\n]")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length == 2 && !kv[0].isBlank()) {
                        parsed.put(kv[0].strip().toLowerCase(java.util.Locale.ROOT), kv[1].strip());
                    } else if (!pair.isBlank()) {
                        throw new InvalidInputException("names", "write names as en=Name; de=Name");
                    }
                }
            }
            return new CategorySpec(code == null ? "" : code, parentCode, parsed, description, defaultQueue, sopRef);
        }

        static CategoryForm of(Category c) {
            String names = c.names().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .sorted().collect(Collectors.joining("; "));
            return new CategoryForm(c.code(), c.parentCode(), names, c.description(), c.defaultQueue(), c.sopRef(),
                    c.version(), c.active());
        }
    }

    private static final Map<String, java.util.Comparator<Category>> SORTS = Map.of(
            "code", ListQuery.byText(Category::code),
            "name", ListQuery.byText(c -> c.name(LocaleContextHolder.getLocale().getLanguage())),
            "parent", ListQuery.byText(Category::parentCode),
            "queue", ListQuery.byText(Category::defaultQueue),
            "status", ListQuery.by(Category::active));

    @GetMapping("/taxonomy")
    String list(ListQuery list, Model model) {
        var categories = taxonomy.categories();
        model.addAttribute("categories", categories);
        model.addAttribute("page", list.page(categories.stream()
                .filter(c -> list.matches(c.code(), c.parentCode(), c.defaultQueue(), c.sopRef(), String.join(" ", c.names().values())))
                .toList(), SORTS));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CategoryForm(null, null, null, null, null, null, null, true));
        }
        return "triage/taxonomy";
    }

    @PostMapping("/taxonomy")
    String create(CategoryForm form, Model model, RedirectAttributes redirect) {
        try {
            Category created = taxonomy.create(form.spec());
            redirect.addFlashAttribute("flash", messages.getMessage("flash.category.added", new Object[] {created.code()}, LocaleContextHolder.getLocale()));
            return "redirect:/triage/taxonomy";
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("error", e instanceof InvalidInputException i
                    ? messages.getMessage("settings.field." + i.field(), null, i.field(), LocaleContextHolder.getLocale()) + ": " + i.getMessage()
                    : e.getMessage());
            model.addAttribute("form", form);
            return list(ListQuery.first(), model);
        }
    }

    @GetMapping("/taxonomy/{code}")
    String edit(@PathVariable String code, Model model) {
        Category category = taxonomy.category(code);
        model.addAttribute("category", category);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CategoryForm.of(category));
        }
        model.addAttribute("parents", taxonomy.categories().stream().filter(c -> !c.code().equals(code)).toList());
        return "triage/category";
    }

    @PostMapping("/taxonomy/{code}")
    String update(@PathVariable String code, CategoryForm form, Model model, RedirectAttributes redirect) {
        try {
            taxonomy.update(code, form.spec(), form.version() == null ? -1 : form.version(), Boolean.TRUE.equals(form.active()));
            redirect.addFlashAttribute("flash", messages.getMessage("flash.category.saved", new Object[] {code}, LocaleContextHolder.getLocale()));
            return "redirect:/triage/taxonomy";
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("error", e instanceof InvalidInputException i
                    ? messages.getMessage("settings.field." + i.field(), null, i.field(), LocaleContextHolder.getLocale()) + ": " + i.getMessage()
                    : e.getMessage());
            model.addAttribute("form", form);
            return edit(code, model);
        }
    }

    @GetMapping("/models")
    String models(Model model) {
        model.addAttribute("models", models.versions());
        return "triage/models";
    }

    /** Trains a candidate from the labelled cases in the database (the models page's next step). */
    @PostMapping("/models/train")
    String train(org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            var version = models.trainFromDatabase();
            redirect.addFlashAttribute("flash", messages.getMessage(version.active() ? "flash.model.active" : "flash.model.inactive",
                    new Object[] {String.valueOf(version.id())}, LocaleContextHolder.getLocale()));
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/triage/models";
    }
}
