package dev.paydesk.platform.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import dev.paydesk.platform.access.AnyRole;


/** Who may: Any user holding at least one Paydesk role (all seven); a signed-in user without a role may not. */
@Target({ElementType.METHOD, ElementType.TYPE}) @Retention(RetentionPolicy.RUNTIME) @Documented
@AnyRole
public @interface AnyRole {
}
