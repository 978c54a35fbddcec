/** Automatic checks on resolved cases, evaluated from the case desk's API without manual work. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.quality.checks;
