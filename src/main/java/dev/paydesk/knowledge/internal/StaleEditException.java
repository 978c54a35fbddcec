package dev.paydesk.knowledge.internal;

import dev.paydesk.shared.ConflictException;

/** An edit based on a version that is no longer the latest: answered 409 with the newer version, nothing lost. */
public class StaleEditException extends ConflictException {

    private final transient KnowledgeService.VersionView current;

    StaleEditException(int base, KnowledgeService.VersionView current) {
        super("the article changed since version " + base + ": version " + current.version() + " by " + current.author()
                + " is the latest; merge your change into it and save again");
        this.current = current;
    }

    public KnowledgeService.VersionView current() {
        return current;
    }
}
