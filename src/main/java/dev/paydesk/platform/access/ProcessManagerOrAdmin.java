package dev.paydesk.platform.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;


/** Who may: Process managers and administrators: configuration of the operation (markets, calendars, taxonomy, case settings). */
@Target({ElementType.METHOD, ElementType.TYPE}) @Retention(RetentionPolicy.RUNTIME) @Documented
@ProcessManagerOrAdmin
public @interface ProcessManagerOrAdmin {
}
