package dev.paydesk.cases;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

/**
 * A module test of the case desk: the cases module with the modules it depends on (platform,
 * payments, reconciliation, disputes) and the shared kernel, without triage, workforce or insights.
 * Each asynchronous listener call runs on a new thread (instead of a pool), so a {@code Scenario}
 * sees the events its listeners publish.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
@TestPropertySource(properties = "spring.threads.virtual.enabled=true")
@interface CaseDeskModuleTest {
}
