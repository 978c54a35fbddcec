package dev.paydesk.platform.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/** Who may: Quality reviewers, process managers and administrators. */
@Target({ElementType.METHOD, ElementType.TYPE}) @Retention(RetentionPolicy.RUNTIME) @Documented
@PreAuthorize("hasAnyRole('PROCESS_MANAGER','ADMIN','QUALITY_REVIEWER')")
public @interface QualityReviewerOrLead {
}
