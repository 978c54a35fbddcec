package dev.paydesk.platform.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import dev.paydesk.platform.access.CaseWorkerOrRealtimeManager;


/** Who may: Everyone who works cases ({@link CaseWorker}), and realtime managers. */
@Target({ElementType.METHOD, ElementType.TYPE}) @Retention(RetentionPolicy.RUNTIME) @Documented
@CaseWorkerOrRealtimeManager
public @interface CaseWorkerOrRealtimeManager {
}
