/** Sampling of resolved cases for review and their assignment to reviewers: a pure, seeded engine without Spring. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.quality.sampling;
