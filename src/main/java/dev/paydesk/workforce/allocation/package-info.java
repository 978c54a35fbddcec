/** Supplier allocation: split an interval's volume across suppliers at least quality-weighted cost (ojAlgo MIP). */
@org.jspecify.annotations.NullMarked
package dev.paydesk.workforce.allocation;
