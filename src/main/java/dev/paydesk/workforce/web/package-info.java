/** Workforce REST API and UI pages. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.workforce.web;
