/** Workforce persistence (JdbcClient on the workforce_* tables) and demo data. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.workforce.internal;
