package dev.paydesk.reconciliation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.paydesk.reconciliation.Reconciliation;

/** Demo: reconciles the demo merchant's last weeks once at start, so findings are there on first look. */
@Component
@Order(25)
@ConditionalOnProperty(name = "paydesk.demo.enabled", havingValue = "true")
class DemoReconciliation implements ApplicationRunner {

    private final Reconciliation reconciliation;
    private final Clock clock;

    DemoReconciliation(Reconciliation reconciliation, Clock clock) {
        this.reconciliation = reconciliation;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant now = clock.instant();
        reconciliation.reconcile(now.minus(Duration.ofDays(60)), now.plusSeconds(1));
    }
}
