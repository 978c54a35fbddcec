/**
 * Who may call an endpoint: meta-annotations over Spring Security's {@code @PreAuthorize}, one per
 * set of roles, named after who may. Put one on a controller class or method instead of a role
 * string. Market scope is checked separately by the services.
 */
@org.springframework.modulith.NamedInterface("access")
@org.jspecify.annotations.NullMarked
package dev.paydesk.platform.access;
