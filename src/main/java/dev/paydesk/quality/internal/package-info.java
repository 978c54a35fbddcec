/** Quality's persistence and services: scorecards and reviews in their own tables. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.quality.internal;
