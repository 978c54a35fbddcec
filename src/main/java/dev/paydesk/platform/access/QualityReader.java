package dev.paydesk.platform.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/** Who may: Everyone who reads quality reviews: case workers, quality reviewers and auditors. */
@Target({ElementType.METHOD, ElementType.TYPE}) @Retention(RetentionPolicy.RUNTIME) @Documented
@PreAuthorize("hasAnyRole('AGENT','SPECIALIST','DISPUTE_SPECIALIST','PROCESS_MANAGER','AUDITOR','ADMIN','QUALITY_REVIEWER')")
public @interface QualityReader {
}
