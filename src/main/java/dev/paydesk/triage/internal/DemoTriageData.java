package dev.paydesk.triage.internal;

import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.paydesk.triage.CategorySpec;
import dev.paydesk.triage.Taxonomy;

/** Demo taxonomy of a payments team (skipped when a category already exists). */
@Component
@Order(30)
@ConditionalOnProperty(name = "paydesk.demo.enabled", havingValue = "true")
class DemoTriageData implements ApplicationRunner {

    private static final List<CategorySpec> CATEGORIES = List.of(
            new CategorySpec("refund", null, Map.of("en", "Refunds", "de", "Erstattungen", "fr", "Remboursements"),
                    "Money the merchant owes the customer back", "refunds", "SOP-REF-01"),
            new CategorySpec("refund.missing", "refund", Map.of("en", "Refund not received", "de", "Erstattung nicht erhalten"),
                    "Refund confirmed but not on the customer's statement", "refunds", "SOP-REF-02"),
            new CategorySpec("charge", null, Map.of("en", "Charges", "de", "Belastungen"), null, "payments", "SOP-CHG-01"),
            new CategorySpec("charge.double", "charge", Map.of("en", "Charged twice", "de", "Doppelt belastet"),
                    "Two debits for one purchase", "payments", "SOP-CHG-02"),
            new CategorySpec("charge.declined", "charge", Map.of("en", "Payment declined", "de", "Zahlung abgelehnt"),
                    "Card or wallet payment refused", "payments", "SOP-CHG-03"),
            new CategorySpec("dispute", null, Map.of("en", "Disputes and chargebacks", "de", "Rückbuchungen"),
                    "Customer disputes a payment with the issuer", "disputes", "SOP-DSP-01"),
            new CategorySpec("payout.delay", null, Map.of("en", "Payout delayed", "de", "Auszahlung verspätet"),
                    "Merchant settlement late", "finance", "SOP-PAY-01"));

    private final Taxonomy taxonomy;

    DemoTriageData(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!taxonomy.categories().isEmpty()) {
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "demo-seed", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            CATEGORIES.forEach(taxonomy::create);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
