/** Krippendorff's alpha: a pure engine for the agreement between reviewers, without Spring. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.quality.alpha;
