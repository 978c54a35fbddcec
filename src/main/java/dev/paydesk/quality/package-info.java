/**
 * Quality: scorecards, reviews of resolved cases, automatic checks and calibration between reviewers
 * (Krippendorff's alpha). Reads cases through the cases module's API; the case page shows quality's
 * checks through an interface the case desk owns.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quality")
@org.jspecify.annotations.NullMarked
package dev.paydesk.quality;
