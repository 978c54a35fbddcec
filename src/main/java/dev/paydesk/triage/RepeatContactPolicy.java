package dev.paydesk.triage;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a contact repeats an earlier one: same customer or same payment, strictly earlier,
 * within the window. Links to the most recent such contact (ties: the one sharing both).
 */
public final class RepeatContactPolicy {

    private final Duration window;

    public RepeatContactPolicy(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.window = window;
    }

    public Optional<RepeatContact> match(Contact contact, List<Contact> earlier) {
        return earlier.stream()
                .filter(e -> !e.contactRef().equals(contact.contactRef()))
                .filter(e -> e.at().isBefore(contact.at()) || e.at().equals(contact.at()))
                .filter(e -> !Duration.between(e.at(), contact.at()).minus(window).isPositive())
                .filter(e -> reason(contact, e) != null)
                .max(Comparator.comparing(Contact::at).thenComparing(e -> reason(contact, e) == RepeatContact.Reason.SAME_CUSTOMER_AND_PAYMENT))
                .map(e -> new RepeatContact(contact.contactRef(), e.contactRef(), Objects.requireNonNull(reason(contact, e)),
                        Duration.between(e.at(), contact.at())));
    }

    public Duration window() {
        return window;
    }

    private static RepeatContact.@org.jspecify.annotations.Nullable Reason reason(Contact a, Contact b) {
        boolean customer = a.customerRef() != null && a.customerRef().equalsIgnoreCase(b.customerRef());
        boolean payment = a.paymentRef() != null && a.paymentRef().equals(b.paymentRef());
        if (customer && payment) {
            return RepeatContact.Reason.SAME_CUSTOMER_AND_PAYMENT;
        }
        return customer ? RepeatContact.Reason.SAME_CUSTOMER : payment ? RepeatContact.Reason.SAME_PAYMENT : null;
    }
}
