/** Shared kernel open to every module: money, errors, time and the CLI contract. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package dev.paydesk.shared;
