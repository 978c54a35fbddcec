/**
 * Outbound events: Paydesk's own case, dispute and reconciliation-finding events, published for
 * other systems when Kafka is on (docs/kafka.md) through Spring Modulith's event externalisation, as
 * messages of ids and states only (no names, e-mail addresses, free text or card data). The Kafka
 * producer itself belongs to the payments module; this module only says which events go out, to
 * which topic, keyed how, and what they carry. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outbound events")
@org.jspecify.annotations.NullMarked
package dev.paydesk.outbound;
