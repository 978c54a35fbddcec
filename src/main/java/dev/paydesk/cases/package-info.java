/** Case desk: payment cases, routing, clocks, SOPs (not built yet). */
@org.jspecify.annotations.NullMarked
package dev.paydesk.cases;
