package dev.paydesk.platform.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/** Who may: any user holding at least one Paydesk role (every value of {@code Role}); a signed-in user without a role may not. */
@Target({ElementType.METHOD, ElementType.TYPE}) @Retention(RetentionPolicy.RUNTIME) @Documented
@PreAuthorize("T(dev.paydesk.platform.access.PaydeskRoles).anyHeldBy(authentication)")
public @interface AnyRole {
}
