/** Calibration: several reviewers score the same cases blind; agreement per criterion (Krippendorff's alpha), disagreements and each reviewer's deviation from the lead's reference. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.quality.calibration;
