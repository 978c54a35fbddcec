package dev.paydesk.knowledge.internal;

import org.jspecify.annotations.Nullable;

/** Whether a translation covers the source text people read now (the published version, else the latest draft). */
public enum TranslationStatus {
    CURRENT, OUTDATED;

    static TranslationStatus of(int translatedFrom, @Nullable Integer publishedVersion, int latestVersion) {
        int source = publishedVersion != null ? publishedVersion : latestVersion;
        return translatedFrom >= source ? CURRENT : OUTDATED;
    }
}
