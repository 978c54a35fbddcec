/** Dispute desk REST API under /api/v1/disputes and the desk, dispute, analytics and reason-code pages. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.disputes.web;
