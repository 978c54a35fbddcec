package dev.paydesk.payments.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.payments.OrderTimeline;
import dev.paydesk.payments.PaymentQueries;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.paydesk.platform.access.AdminOnly;
import dev.paydesk.platform.access.CaseWorkerOrAuditor;
import dev.paydesk.platform.access.SpecialistAdminOrAuditor;

/** REST API of the payments mirror. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Payments", description = "Orders, payments and their timelines")
@CaseWorkerOrAuditor
class PaymentsApiController {

    private final PaymentQueries payments;
    private final dev.paydesk.payments.internal.WebhookReceiver receiver;

    PaymentsApiController(PaymentQueries payments, dev.paydesk.payments.internal.WebhookReceiver receiver) {
        this.payments = payments;
        this.receiver = receiver;
    }

    @GetMapping("/orders/{ref}")
    @Operation(summary = "An order's timeline: every movement from every source with the running balance")
    OrderTimeline order(@PathVariable String ref) {
        OrderTimeline timeline = payments.timeline(ref)
                .orElseThrow(() -> new NotFoundException("order " + ref + " is not in the mirror"));
        if (timeline.market() != null && !CurrentUser.canAccessMarket(timeline.market())) {
            throw new NotFoundException("order " + ref + " is not in the mirror");
        }
        return timeline;
    }

    @GetMapping("/customers/{ref}/payment-methods")
    @Operation(summary = "A customer's stored payment methods (latest state per token) and their history; no card numbers")
    PaymentQueries.CustomerPaymentMethods paymentMethods(@PathVariable String ref) {
        PaymentQueries.CustomerPaymentMethods methods = visible(payments.paymentMethods(ref));
        if (methods.history().isEmpty()) {
            throw new NotFoundException("no stored payment methods for customer " + ref);
        }
        return methods;
    }

    /** Only the changes reported for merchant accounts of the caller's markets (unknown market: all-market users). */
    static PaymentQueries.CustomerPaymentMethods visible(PaymentQueries.CustomerPaymentMethods methods) {
        java.util.function.Predicate<PaymentQueries.BindingChange> inScope = c -> c.market() == null
                ? CurrentUser.principal().map(u -> u.allMarkets()).orElse(false)
                : CurrentUser.canAccessMarket(c.market());
        return new PaymentQueries.CustomerPaymentMethods(methods.customerReference(),
                methods.current().stream().filter(inScope).toList(), methods.history().stream().filter(inScope).toList());
    }

    @GetMapping("/payments")
    @Operation(summary = "Search movements by order, provider reference, customer, card last 4, amount, dates")
    List<PaymentQueries.PaymentSummary> search(@RequestParam(required = false) @Nullable String order,
                                               @RequestParam(required = false) @Nullable String reference,
                                               @ParameterObject PaymentFilters filters,
                                               @RequestParam(defaultValue = "100") int limit) {
        return payments.search(filters.criteria(order, reference, limit)).stream().filter(PaymentsApiController::visible).toList();
    }

    /** Movements of orders in the caller's markets; movements of unknown markets only for all-market users. */
    static boolean visible(PaymentQueries.PaymentSummary p) {
        return p.market() == null ? CurrentUser.principal().map(u -> u.allMarkets()).orElse(false)
                : CurrentUser.canAccessMarket(p.market());
    }

    record ReplayRequest(@Nullable String payload) {
    }

    @org.springframework.web.bind.annotation.PostMapping("/payments/quarantine/{id}/replay")
    @AdminOnly
    @Operation(summary = "Replay a quarantined webhook, optionally with a corrected payload (audited)")
    dev.paydesk.payments.internal.WebhookReceiver.Receipt replay(@PathVariable java.util.UUID id,
            @org.springframework.web.bind.annotation.RequestBody(required = false) @Nullable ReplayRequest request) {
        return receiver.replay(id, request == null ? null : request.payload());
    }

    @GetMapping("/payments/quarantine")
    @SpecialistAdminOrAuditor
    List<PaymentQueries.QuarantinedItem> quarantine(@RequestParam(defaultValue = "100") int limit) {
        return payments.quarantine(limit);
    }
}
