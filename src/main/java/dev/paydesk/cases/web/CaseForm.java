package dev.paydesk.cases.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.NewCase;
import dev.paydesk.cases.Priority;
import jakarta.validation.constraints.NotNull;

/**
 * The "new case" form. {@code tags} is one text (comma or space separated); {@code formKey} is the
 * form's idempotency key, so a double submit opens one case.
 */
record CaseForm(@NotNull String subject, @Nullable String description, @NotNull String market, @Nullable String language,
                @Nullable Priority priority, @Nullable String category, @Nullable String customerRef,
                @Nullable String customerEmail, @Nullable String orderRef, @Nullable String paymentRef,
                @Nullable String tags, @Nullable Boolean psd2Complaint, @NotNull String formKey) {

    NewCase newCase() {
        List<CaseLink> links = new ArrayList<>();
        if (orderRef != null && !orderRef.isBlank()) {
            links.add(new CaseLink(LinkKind.ORDER, orderRef));
        }
        if (paymentRef != null && !paymentRef.isBlank()) {
            links.add(new CaseLink(LinkKind.PAYMENT, paymentRef));
        }
        return NewCase.builder(subject, market, CaseSource.UI).description(description).language(language)
                .priority(priority).category(category == null || category.isBlank() ? null : category)
                .customer(customerRef, customerEmail).tags(CasesUiController.splitTags(tags)).links(links)
                .idempotencyKey(formKey).psd2Complaint(Boolean.TRUE.equals(psd2Complaint)).build();
    }
}
