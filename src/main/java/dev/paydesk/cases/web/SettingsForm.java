package dev.paydesk.cases.web;

import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.Money;
import dev.paydesk.shared.MoneyParser;

/**
 * A settings form as the user typed it, with one message per field that names the field
 * ("Name: a value is required"), so a refused form comes back filled in with the problem beside its field.
 */
final class SettingsForm {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final MessageSource messages;
    private final Locale locale;

    SettingsForm(MessageSource messages, Locale locale, Map<String, String> submitted) {
        this.messages = messages;
        this.locale = locale;
        submitted.forEach((k, v) -> values.put(k, v == null ? "" : v));
    }

    Map<String, String> getValues() {
        return values;
    }

    Map<String, String> getErrors() {
        return errors;
    }

    Locale locale() {
        return locale;
    }

    /**
     * Renders the settings page {@code cases/settings/<page>} with this form: the typed values as {@code v}, the
     * field messages as {@code errors}, its sub-menu entry marked.
     */
    String render(org.springframework.ui.Model model, String page, boolean editing) {
        model.addAttribute("editing", editing);
        model.addAttribute("settingsPage", page);
        model.addAttribute("v", values);
        model.addAttribute("errors", errors);
        return "cases/settings/" + page;
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    SettingsForm set(String field, @Nullable Object value) {
        values.put(field, value == null ? "" : value.toString());
        return this;
    }

    /** The stripped value, or null when empty. */
    @Nullable String text(String field) {
        String v = values.get(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    String required(String field) {
        String v = text(field);
        if (v == null) {
            reject(field, messages.getMessage("settings.error.required", null, locale));
            return "";
        }
        return v;
    }

    /** A whole number, null when empty; anything else is refused under the field's name. */
    @Nullable Integer integer(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            reject(field, messages.getMessage("settings.error.wholeNumber", new Object[] {shorten(v)}, locale));
            return null;
        }
    }

    int integer(String field, int fallback) {
        Integer v = integer(field);
        return v == null ? fallback : v;
    }

    /** One of an enum's constants, null when empty. */
    <E extends Enum<E>> @Nullable E choice(String field, Class<E> type) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            reject(field, messages.getMessage("settings.error.choice", new Object[] {shorten(v)}, locale));
            return null;
        }
    }

    /** An amount as the user's locale writes it ({@code 49,90} in German), null when empty. */
    @Nullable Money amount(String field, @Nullable String currencyField) {
        String v = text(field);
        String code = currencyField == null ? null : text(currencyField);
        if (v == null) {
            return null;
        }
        try {
            Currency currency = MoneyParser.currency(currencyField == null ? field : currencyField, code);
            return MoneyParser.localized(field, v, currency, MoneyParser.Sign.NON_NEGATIVE, locale);
        } catch (InvalidInputException e) {
            reject(e);
            return null;
        }
    }

    List<String> list(String field) {
        String v = text(field);
        return v == null ? List.of() : Arrays.stream(v.split("[,;\\s]+")).filter(x -> !x.isBlank()).toList();
    }

    /**
     * Hands the checked form to the service: empty when a field is already refused or the service refuses one
     * (its message then stands beside that field), else what the service saved.
     */
    <T> java.util.Optional<T> submit(java.util.function.Supplier<T> save) {
        if (hasErrors()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(save.get());
        } catch (InvalidInputException e) {
            reject(e);
            return java.util.Optional.empty();
        }
    }

    /** A refusal under the field's label, e.g. "Priority: …". */
    void reject(String field, String message) {
        errors.putIfAbsent(field, label(field) + ": " + message);
    }

    void reject(InvalidInputException e) {
        reject(e.field(), e.getMessage());
    }

    private String label(String field) {
        return messages.getMessage("settings.field." + field, null, field, locale);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
