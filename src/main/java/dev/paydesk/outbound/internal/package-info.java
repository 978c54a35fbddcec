/** The externalisation configuration: selection, topics, keys and the id-and-state messages. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.outbound.internal;
