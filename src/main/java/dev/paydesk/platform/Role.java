package dev.paydesk.platform;

import java.util.Arrays;
import java.util.Locale;

import dev.paydesk.shared.InvalidInputException;

/** What a user may do. Market scope is separate: a role applies only within the user's markets. */
public enum Role {
    AGENT("Agent"),
    SPECIALIST("Payment specialist"),
    DISPUTE_SPECIALIST("Dispute specialist"),
    REALTIME_MANAGER("Realtime manager"),
    PROCESS_MANAGER("Process manager"),
    AUDITOR("Auditor"),
    ADMIN("Administrator"),
    /** Reviews resolved cases of their markets against scorecards (quality module). */
    QUALITY_REVIEWER("Quality reviewer");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Role parse(String value) {
        String normalised = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(r -> r.name().equals(normalised)).findFirst()
                .orElseThrow(() -> new InvalidInputException("roles", "unknown role '" + value
                        + "'; known roles: " + Arrays.toString(values()).toLowerCase(Locale.ROOT)));
    }
}
