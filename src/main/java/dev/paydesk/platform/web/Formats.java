package dev.paydesk.platform.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import dev.paydesk.shared.Money;

/**
 * Formatting helpers for templates in the user's language ({@code ${@fmt.dateTime(instant)}},
 * {@code ${@fmt.money(m)}}, {@code ${@fmt.label(enumValue)}}). Date patterns come from the message keys
 * {@code format.date} and {@code format.dateTime}; enum labels from {@code enum.<SimpleTypeName>.<VALUE>}
 * with the constant's name in words as fallback.
 */
@Component("fmt")
class Formats {

    private final MessageSource messages;

    Formats(MessageSource messages) {
        this.messages = messages;
    }

    public String dateTime(@Nullable Instant instant) {
        return instant == null ? "—" : pattern("format.dateTime", "yyyy-MM-dd HH:mm:ss").format(instant);
    }

    public String minutes(@Nullable Instant instant) {
        return instant == null ? "—" : pattern("format.minutes", "yyyy-MM-dd HH:mm").format(instant);
    }

    public String date(@Nullable Instant instant) {
        return instant == null ? "—" : pattern("format.date", "yyyy-MM-dd").format(instant);
    }

    public String day(@Nullable LocalDate date) {
        return date == null ? "—" : pattern("format.date", "yyyy-MM-dd").format(date);
    }

    /** An amount with the locale's decimal and grouping marks and the ISO code: {@code 1.234,50 EUR} in German. */
    public String money(@Nullable Money money) {
        if (money == null) {
            return "—";
        }
        return number(money.toDecimal()) + " " + money.currency().getCurrencyCode();
    }

    public String number(@Nullable Number value) {
        if (value == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        if (value instanceof BigDecimal decimal) {
            format.setMinimumFractionDigits(Math.max(decimal.scale(), 0));
            format.setMaximumFractionDigits(Math.max(decimal.scale(), 0));
        }
        return format.format(value);
    }

    /** A translated label for an enum constant: key {@code enum.<SimpleTypeName>.<NAME>}. */
    public String label(@Nullable Object value) {
        if (value == null) {
            return "—";
        }
        if (!(value instanceof Enum<?> e)) {
            return value.toString();
        }
        return messages.getMessage("enum." + e.getDeclaringClass().getSimpleName() + "." + e.name(), null,
                words(e.name()), locale());
    }

    static String words(String constant) {
        String lower = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private DateTimeFormatter pattern(String key, String fallback) {
        Locale locale = locale();
        return DateTimeFormatter.ofPattern(messages.getMessage(key, null, fallback, locale), locale)
                .withZone(ZoneOffset.UTC);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
