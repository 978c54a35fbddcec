package dev.paydesk.platform.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/** Who may: Any user holding at least one Paydesk role (all eight, the quality reviewer included); a signed-in user without a role may not. */
@Target({ElementType.METHOD, ElementType.TYPE}) @Retention(RetentionPolicy.RUNTIME) @Documented
@PreAuthorize("hasAnyRole('AGENT','SPECIALIST','DISPUTE_SPECIALIST','REALTIME_MANAGER','PROCESS_MANAGER','AUDITOR','ADMIN','QUALITY_REVIEWER')")
public @interface AnyRole {
}
