package dev.paydesk.platform.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import dev.paydesk.platform.access.CaseWorkerOrAuditor;


/** Who may: Everyone who works cases ({@link CaseWorker}), and auditors (read-only use). */
@Target({ElementType.METHOD, ElementType.TYPE}) @Retention(RetentionPolicy.RUNTIME) @Documented
@CaseWorkerOrAuditor
public @interface CaseWorkerOrAuditor {
}
