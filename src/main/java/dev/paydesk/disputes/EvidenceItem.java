package dev.paydesk.disputes;

import java.util.List;

/**
 * A piece of evidence an answer to a dispute can carry, with the fields of Stripe's dispute
 * {@code evidence} object it fills (docs.stripe.com/api/disputes/evidence_object) so a pack can be
 * submitted field by field; other providers take the PDF plus the same text.
 */
public enum EvidenceItem {
    RECEIPT("Receipt / order confirmation", List.of("receipt", "customer_name", "customer_email_address", "billing_address")),
    PRODUCT_DESCRIPTION("Product or service description", List.of("product_description")),
    SHIPPING_DOCUMENTATION("Shipping: carrier, tracking number, date, address",
            List.of("shipping_carrier", "shipping_tracking_number", "shipping_date", "shipping_address", "shipping_documentation")),
    PROOF_OF_DELIVERY("Proof of delivery", List.of("shipping_documentation")),
    SERVICE_DOCUMENTATION("Service or digital delivery documentation", List.of("service_date", "service_documentation")),
    CUSTOMER_COMMUNICATION("Customer communication", List.of("customer_communication")),
    REFUND_POLICY("Refund / return policy and its disclosure", List.of("refund_policy", "refund_policy_disclosure")),
    CANCELLATION_POLICY("Cancellation policy and rebuttal",
            List.of("cancellation_policy", "cancellation_policy_disclosure", "cancellation_rebuttal")),
    REFUND_HISTORY("Refund history / why no refund is due", List.of("refund_refusal_explanation")),
    DUPLICATE_CHARGE_DOCUMENTATION("Documentation that the charges are distinct",
            List.of("duplicate_charge_id", "duplicate_charge_explanation", "duplicate_charge_documentation")),
    PRIOR_UNDISPUTED_TRANSACTIONS("Prior undisputed payments of the same customer (Visa Compelling Evidence 3.0)",
            List.of("enhanced_evidence[visa_compelling_evidence_3][prior_undisputed_transactions]")),
    AUTHORISATION_PROOF("Authentication and authorisation proof (3-D Secure, AVS/CVC, IP, device)",
            List.of("access_activity_log", "customer_purchase_ip")),
    UNCATEGORIZED("Other notes", List.of("uncategorized_text"));

    private final String label;
    private final List<String> stripeFields;

    EvidenceItem(String label, List<String> stripeFields) {
        this.label = label;
        this.stripeFields = stripeFields;
    }

    public String label() {
        return label;
    }

    public List<String> stripeFields() {
        return stripeFields;
    }
}
