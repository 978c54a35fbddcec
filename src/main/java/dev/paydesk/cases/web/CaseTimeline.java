package dev.paydesk.cases.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.ClockKind;
import dev.paydesk.cases.EntryKind;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.MoneyAction;
import dev.paydesk.cases.MoneyActionType;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.shared.Money;

/**
 * The case page's timeline in words, in the viewer's language: per entry an icon, a label for its kind,
 * who wrote it and one sentence for what happened (key {@code case.what.<KIND>}), with enum values shown
 * as their translated labels ({@code enum.<Type>.<NAME>}) and amounts and instants in the locale's notation.
 */
final class CaseTimeline {

    /** One line of the case page's timeline: a case entry or a payment movement of a linked order. */
    record Row(Instant at, EntryKind kind, String author, @Nullable String body, Map<String, Object> data) {
    }

    /** What the page shows for a row. */
    record Line(Instant at, EntryKind kind, String icon, String label, String who, @Nullable String what,
                @Nullable String body) {
    }

    private static final Pattern MONEY_TEXT = Pattern.compile("(-?\\d+(?:\\.\\d+)?) ([A-Z]{3})");

    private final MessageSource messages;
    private final Locale locale;
    private final Function<String, String> categoryName;

    CaseTimeline(MessageSource messages, Locale locale, Function<String, String> categoryName) {
        this.messages = messages;
        this.locale = locale;
        this.categoryName = categoryName;
    }

    Line line(Row row) {
        return new Line(row.at(), row.kind(), icon(row.kind()), label(row.kind()), who(row), what(row), row.body());
    }

    static String icon(EntryKind kind) {
        return switch (kind) {
            case CREATED -> "✚";
            case ASSIGNED -> "➜";
            case MESSAGE_IN -> "✉";
            case MESSAGE_OUT -> "➦";
            case NOTE -> "✎";
            case STATUS -> "◉";
            case CATEGORY, TAGS -> "#";
            case PRIORITY -> "⚑";
            case LINKED, PARENT, CHILD, MERGED -> "⛓";
            case DEADLINE, CLOCK_WARNING -> "⏱";
            case CLOCK_BREACHED -> "⚠";
            case ESCALATED -> "⇪";
            case SOP_STEP -> "✔";
            case CSAT -> "★";
            case ATTACHMENT, ATTACHMENT_REFUSED -> "📎";
            case MONEY_REQUESTED, MONEY_APPROVED, MONEY_REJECTED, PAYMENT -> "€";
        };
    }

    String label(Enum<?> value) {
        return text("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name(), words(value.name()));
    }

    private String who(Row row) {
        return switch (row.kind()) {
            case MESSAGE_IN -> text("case.who.customer", "Customer");
            case PAYMENT -> row.author();
            default -> switch (row.author()) {
                case "system" -> text("case.who.system", "Paydesk");
                case "routing" -> text("case.who.routing", "Routing");
                case "customer" -> text("case.who.customer", "Customer");
                default -> row.author();
            };
        };
    }

    private @Nullable String what(Row row) {
        Map<String, Object> d = row.data();
        EntryKind kind = row.kind();
        String key = "case.what." + kind.name();
        return switch (kind) {
            case CREATED -> say(key, of(CaseSource.class, d.get("source")), str(d.get("queue")), of(Priority.class, d.get("priority")));
            case ASSIGNED -> blank(d.get("assignee")) ? say(key + ".nobody", str(d.get("queue")))
                    : say(key, str(d.get("queue")), str(d.get("assignee")));
            case MESSAGE_IN -> say(key, str(d.get("from")));
            case MESSAGE_OUT -> blank(d.get("to")) ? say(key + ".nobody") : say(key, str(d.get("to")));
            case NOTE -> null;
            case STATUS -> d.get("reason") != null
                    ? say(key + ".reason", of(CaseStatus.class, d.get("from")), of(CaseStatus.class, d.get("status")),
                    of(WaitingReason.class, d.get("reason")))
                    : say(key, of(CaseStatus.class, d.get("from")), of(CaseStatus.class, d.get("status")));
            case CATEGORY -> {
                String suffix = "classifier".equals(d.get("by")) ? ".classifier" : blank(d.get("previous")) ? "" : ".changed";
                yield say(key + suffix, category(d.get("category")), category(d.get("previous")));
            }
            case PRIORITY -> say(key, of(Priority.class, d.get("previous")), of(Priority.class, d.get("priority")));
            case TAGS -> d.get("tags") instanceof Collection<?> tags && !tags.isEmpty()
                    ? say(key, String.join(", ", tags.stream().map(String::valueOf).toList())) : say(key + ".none");
            case LINKED -> say(key, of(LinkKind.class, d.get("kind")), str(d.get("ref")));
            case DEADLINE -> blank(d.get("dueAt")) ? say(key + ".cleared") : say(key, instant(d.get("dueAt")), str(d.get("label")));
            case ESCALATED -> say(key, str(d.get("queue")), str(d.get("child")));
            case PARENT -> say(key, str(d.get("parent")));
            case CHILD -> say(key, str(d.get("child")));
            case MERGED -> d.containsKey("into") ? say(key, str(d.get("into"))) : say(key + ".from", str(d.get("from")));
            case CLOCK_WARNING, CLOCK_BREACHED -> say(key, of(ClockKind.class, d.get("clock")), instant(d.get("dueAt")));
            case SOP_STEP -> say(key, str(d.get("step")), str(d.get("sop")), str(d.get("version")), str(d.get("text")));
            case CSAT -> say(key, str(d.get("rating")));
            case ATTACHMENT -> say(key, str(d.get("filename")), str(d.get("contentType")), number(d.get("size")));
            case ATTACHMENT_REFUSED -> say(key, str(d.get("filename")), str(d.get("reason")));
            case MONEY_REQUESTED, MONEY_APPROVED, MONEY_REJECTED -> say(key, of(MoneyActionType.class, d.get("type")),
                    money(d.get("amount")), of(MoneyAction.Status.class, d.get("status")));
            case PAYMENT -> say(key, value(d.get("movement")), money(d.get("amount")), str(d.get("order")),
                    str(d.get("status")), str(d.get("reference")), money(d.get("net after")));
        };
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }

    /** The translated label of {@code raw} read as a constant of {@code type}; anything else as it is. */
    private <E extends Enum<E>> String of(Class<E> type, @Nullable Object raw) {
        if (raw == null || raw.toString().isBlank()) {
            return "—";
        }
        try {
            return label(Enum.valueOf(type, raw.toString()));
        } catch (IllegalArgumentException e) {
            return raw.toString();
        }
    }

    private String value(@Nullable Object raw) {
        return raw instanceof Enum<?> e ? label(e) : str(raw);
    }

    private String category(@Nullable Object code) {
        return blank(code) ? "—" : categoryName.apply(code.toString());
    }

    /** An amount as {@code 12,50 EUR} in German, from a {@link Money} or its {@code toString()} text. */
    String money(@Nullable Object raw) {
        Money m = null;
        if (raw instanceof Money money) {
            m = money;
        } else if (raw != null) {
            Matcher match = MONEY_TEXT.matcher(raw.toString().strip());
            if (match.matches()) {
                try {
                    m = Money.parse(match.group(1), match.group(2));
                } catch (RuntimeException e) {
                    return raw.toString();
                }
            }
        }
        if (m == null) {
            return str(raw);
        }
        BigDecimal decimal = m.toDecimal();
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(Math.max(decimal.scale(), 0));
        format.setMaximumFractionDigits(Math.max(decimal.scale(), 0));
        return format.format(decimal) + " " + m.currency().getCurrencyCode();
    }

    private String number(@Nullable Object raw) {
        return raw instanceof Number n ? NumberFormat.getIntegerInstance(locale).format(n) : str(raw);
    }

    private String instant(@Nullable Object raw) {
        if (blank(raw)) {
            return "—";
        }
        try {
            Instant at = raw instanceof Instant i ? i : Instant.parse(raw.toString());
            return DateTimeFormatter.ofPattern(text("format.dateTime", "yyyy-MM-dd HH:mm:ss"), locale)
                    .withZone(ZoneOffset.UTC).format(at);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return raw.toString();
        }
    }

    private static boolean blank(@Nullable Object o) {
        return o == null || o.toString().isBlank();
    }

    private static String str(@Nullable Object o) {
        return o == null ? "—" : o.toString();
    }

    static String words(String constant) {
        String lower = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
