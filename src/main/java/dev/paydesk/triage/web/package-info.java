/** Triage REST API and the taxonomy and model pages. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.triage.web;
