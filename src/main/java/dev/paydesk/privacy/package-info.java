/**
 * Privacy: retention periods per kind of personal data with a daily job that pseudonymises or deletes
 * what is past them, and data-subject requests (export, erasure after four-eyes approval, legal
 * holds). Modules holding personal data implement {@link dev.paydesk.privacy.PersonalDataHolder};
 * this module depends on {@code platform} only, so no module's arrow points back.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
@org.jspecify.annotations.NullMarked
package dev.paydesk.privacy;
