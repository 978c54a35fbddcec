package dev.paydesk.knowledge.internal;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** Four eyes: a version (or a translation) is published by someone other than its author, and only once. */
final class PublishPolicy {

    sealed interface Decision permits Allowed, Refused {
    }

    record Allowed() implements Decision {
    }

    record Refused(String reason) implements Decision {
    }

    private PublishPolicy() {
    }

    static Decision decide(String author, String approver, @Nullable String alreadyApprovedBy) {
        return decide("version", author, approver, alreadyApprovedBy);
    }

    /** The same rule for a translation ({@code what}: "translation"), whose author is its translator. */
    static Decision decide(String what, String author, String approver, @Nullable String alreadyApprovedBy) {
        if (alreadyApprovedBy != null) {
            return new Refused("this " + what + " was already published by " + alreadyApprovedBy);
        }
        if (Objects.equals(author, approver)) {
            return new Refused("the author of a " + what + " cannot publish it: a second person must approve it (four eyes)");
        }
        return new Allowed();
    }
}
