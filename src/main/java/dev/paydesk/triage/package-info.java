/** Triage: categorisation, incidents, repeat contacts (not built yet). */
@org.jspecify.annotations.NullMarked
package dev.paydesk.triage;
