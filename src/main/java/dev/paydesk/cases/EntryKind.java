package dev.paydesk.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of line in a case's timeline. The only place a kind is named: the store writes
 * {@link #name()}, the clocks read {@link #CLOCK_FACTS}, the case page asks {@link #fromCustomer()}
 * and {@link #showsData()}, and outbound webhooks call a change {@code case.<kind in lower case>}.
 */
public enum EntryKind {
    CREATED, ASSIGNED, MESSAGE_IN, MESSAGE_OUT, NOTE, STATUS, CATEGORY, PRIORITY, TAGS, LINKED, DEADLINE,
    ESCALATED, PARENT, CHILD, MERGED, CLOCK_WARNING, CLOCK_BREACHED, SOP_STEP, CSAT, ATTACHMENT,
    ATTACHMENT_REFUSED, MONEY_REQUESTED, MONEY_APPROVED, MONEY_REJECTED,
    /** A payment movement of a linked order: shown among the timeline on the case page, never stored. */
    PAYMENT;

    /** The kinds that move a case's clocks (opening, messages both ways, status changes). */
    public static final Set<EntryKind> CLOCK_FACTS = EnumSet.of(CREATED, MESSAGE_IN, MESSAGE_OUT, STATUS);

    /** The kinds whose text is a conversation line (indexed for search, carried over on a merge). */
    public static final Set<EntryKind> CONVERSATION = EnumSet.of(MESSAGE_IN, MESSAGE_OUT, NOTE);

    /** Written by the customer rather than by a person or process of ours. */
    public boolean fromCustomer() {
        return this == MESSAGE_IN;
    }

    /** Whether the case page lists the entry's data under it (messages show their text only). */
    public boolean showsData() {
        return this != MESSAGE_IN && this != MESSAGE_OUT;
    }

    /** The lower-case label the case page shows ({@code message in}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    public static String[] names(Set<EntryKind> kinds) {
        return kinds.stream().map(Enum::name).toArray(String[]::new);
    }
}
