/**
 * Platform: users, roles and market scopes, markets with business calendars, the hash-chained
 * audit log, the database, security and the web shell every other module builds on.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
@org.jspecify.annotations.NullMarked
package dev.paydesk.platform;
