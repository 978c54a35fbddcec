/** Quality's REST API under {@code /api/v1/quality}. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.quality.web;
