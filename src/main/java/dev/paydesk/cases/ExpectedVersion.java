package dev.paydesk.cases;

import org.jspecify.annotations.Nullable;

/**
 * Which version of a case a write expects. Every write is checked against the version it loaded, so
 * two racing writers never overwrite each other silently; the difference is what the loser does.
 *
 * @param version the version the writer saw (a form's hidden field, a body {@code version}, an
 *                {@code If-Match}); null: the version the write loads
 * @param retry   on a clash, load the case again and retry (system writers: intake, triage, bulk changes)
 *                instead of failing with {@link StaleCaseException}
 */
public record ExpectedVersion(@Nullable Integer version, boolean retry) {

    /** A system writer: applies its change to the latest version, reloading and retrying on a clash. */
    public static final ExpectedVersion LATEST = new ExpectedVersion(null, true);

    /** A person without a version: the version loaded now; a racing writer that saves first wins, this one gets a 409. */
    public static final ExpectedVersion LOADED = new ExpectedVersion(null, false);

    public ExpectedVersion {
        if (version != null && retry) {
            throw new IllegalArgumentException("a write that expects a version does not retry");
        }
    }

    /**
     * For a change that does not depend on the rest of the case (an internal note): without a version it
     * cannot contradict a racing writer, so it applies to the latest version instead of failing; with a
     * version it is still checked.
     */
    public ExpectedVersion commuting() {
        return version == null ? LATEST : this;
    }

    public static ExpectedVersion of(@Nullable Integer version) {
        return version == null ? LOADED : new ExpectedVersion(version, false);
    }
}
