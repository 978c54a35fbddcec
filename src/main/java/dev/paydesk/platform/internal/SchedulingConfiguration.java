package dev.paydesk.platform.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs run in a server only: a CLI command ({@code paydesk.cli=true}) beside a server never
 * runs the clock sweep, IMAP polling, reconciliation or event resubmission, however long it runs.
 * In a server every job takes its lease from the {@link dev.paydesk.platform.JobCoordinator} first.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "paydesk.cli", havingValue = "false", matchIfMissing = true)
@EnableScheduling
class SchedulingConfiguration {
}
