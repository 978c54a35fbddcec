package dev.paydesk.disputes.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.disputes.ChargebackMonitoring;
import dev.paydesk.disputes.DisputeAnalytics;
import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.disputes.Disputes;
import dev.paydesk.disputes.Evidence;
import dev.paydesk.disputes.EvidenceItem;
import dev.paydesk.disputes.ReasonCategory;
import dev.paydesk.disputes.ReasonCode;
import dev.paydesk.disputes.ReasonCodes;
import dev.paydesk.disputes.Recommendations;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.platform.access.DisputeSpecialistProcessManagerAdminOrAuditor;
import dev.paydesk.platform.access.DisputeSpecialistProcessManagerOrAdmin;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;
import dev.paydesk.shared.MoneyParser;
import dev.paydesk.shared.ListQuery;

/** The dispute desk pages: list by respond-by, one dispute, analytics and the reason-code catalogue. */
@Controller
class DisputeDeskController {

    private final Disputes disputes;
    private final Evidence evidence;
    private final Recommendations recommendations;
    private final ReasonCodes reasonCodes;
    private final DisputeAnalytics analytics;
    private final ChargebackMonitoring monitoring;
    private final Clock clock;
    private final org.springframework.context.support.MessageSourceAccessor texts;
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    private java.util.List<dev.paydesk.disputes.DisputeCaseLinks> caseLinks = java.util.List.of();

    DisputeDeskController(Disputes disputes, Evidence evidence, Recommendations recommendations, ReasonCodes reasonCodes,
                          DisputeAnalytics analytics, ChargebackMonitoring monitoring, Clock clock, org.springframework.context.MessageSource messages) {
        this.texts = new org.springframework.context.support.MessageSourceAccessor(messages);
        this.disputes = disputes;
        this.evidence = evidence;
        this.recommendations = recommendations;
        this.reasonCodes = reasonCodes;
        this.analytics = analytics;
        this.monitoring = monitoring;
        this.clock = clock;
    }

    /** A row of the desk with its countdown (a message key and the time span). */
    record DeskRow(DisputeSummary d, String countdownKey, String span, String urgency) {
    }

    private static final Map<String, Comparator<DeskRow>> DESK_SORTS = Map.of(
            "respondBy", ListQuery.by(r -> r.d().respondBy()),
            "dispute", ListQuery.byText(r -> r.d().providerDisputeId()),
            "provider", ListQuery.byText(r -> r.d().provider()),
            "market", ListQuery.byText(r -> r.d().market()),
            "stage", ListQuery.by(r -> r.d().stage()),
            "status", ListQuery.by(r -> r.d().status()),
            "reason", ListQuery.byText(r -> r.d().reasonCode()),
            "amount", Comparator.<DeskRow, String>comparing(r -> r.d().amount().currency().getCurrencyCode())
                    .thenComparingLong(r -> r.d().amount().minor()),
            "opened", ListQuery.by(r -> r.d().openedAt()),
            "order", ListQuery.byText(r -> r.d().orderReference()));

    /**
     * The desk: every dispute in the user's markets, filtered in memory (case-insensitive) by provider,
     * status, stage, market, reason category and a search over ids, references and reason code.
     */
    @GetMapping("/disputes")
    @DisputeSpecialistProcessManagerAdminOrAuditor
    String desk(@RequestParam(defaultValue = "false") boolean closed, ListQuery list, Model model) {
        Instant now = clock.instant();
        List<DeskRow> rows = disputes.list(new Disputes.Filter(CurrentUser.marketScope(), closed, null, null, null, 5000))
                .stream()
                .filter(d -> list.is("provider", d.provider()) && list.is("status", d.status())
                        && list.is("stage", d.stage()) && list.is("market", d.market())
                        && list.is("category", d.reasonCategory())
                        && list.matches(d.providerDisputeId(), d.orderReference(), d.paymentReference(),
                        d.customerReference(), d.reasonCode(), d.merchantAccount(), d.reasonCategory().label()))
                .map(d -> new DeskRow(d, countdownKey(d, now), span(d, now), urgency(d, now))).toList();
        model.addAttribute("page", list.page(rows, DESK_SORTS));
        model.addAttribute("closed", closed);
        model.addAttribute("providers", dev.paydesk.payments.Provider.values());
        model.addAttribute("statuses", dev.paydesk.disputes.DisputeStatus.values());
        model.addAttribute("stages", dev.paydesk.disputes.DisputeStage.values());
        model.addAttribute("categories", ReasonCategory.values());
        return "disputes/desk";
    }

    static String countdownKey(DisputeSummary d, Instant now) {
        if (!d.isOpen()) {
            return "disputes.countdown.closed";
        }
        if (d.respondBy() == null) {
            return "disputes.countdown.none";
        }
        return now.isAfter(d.respondBy()) ? "disputes.countdown.overdue" : "disputes.countdown.in";
    }

    static String span(DisputeSummary d, Instant now) {
        return d.respondBy() == null ? "" : span(Duration.between(now, d.respondBy()).abs());
    }

    @GetMapping("/disputes/{id}")
    @DisputeSpecialistProcessManagerAdminOrAuditor
    String dispute(@PathVariable UUID id, Model model) {
        DisputeSummary d = DisputeAccess.check(disputes.dispute(id));
        Instant now = clock.instant();
        model.addAttribute("d", d);
        model.addAttribute("countdown", countdown(d, now));
        model.addAttribute("urgency", urgency(d, now));
        model.addAttribute("pack", evidence.pack(id));
        model.addAttribute("recommendation", recommendations.recommend(id));
        model.addAttribute("history", disputes.history(id));
        model.addAttribute("submissions", evidence.submissions(id));
        model.addAttribute("items", EvidenceItem.values());
        model.addAttribute("cases", caseLinks.stream().flatMap(l -> l.casesOf(id).stream()).toList());
        model.addAttribute("amountText", MoneyParser.toText(d.amount(), LocaleContextHolder.getLocale()) + " "
                + d.amount().currency().getCurrencyCode());
        return "disputes/dispute";
    }

    @GetMapping(value = "/disputes/{id}/evidence.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @DisputeSpecialistProcessManagerAdminOrAuditor
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        DisputeSummary d = DisputeAccess.check(disputes.dispute(id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"dispute-"
                        + d.providerDisputeId().replaceAll("[^A-Za-z0-9_.-]", "_") + ".pdf\"")
                .body(evidence.pdf(id));
    }

    @PostMapping("/disputes/{id}/shipment")
    @DisputeSpecialistProcessManagerOrAdmin
    String shipment(@PathVariable UUID id, @RequestParam String carrier, @RequestParam String trackingNumber,
                    @RequestParam(required = false) @Nullable LocalDate shippedOn,
                    @RequestParam(required = false) @Nullable LocalDate deliveredOn,
                    @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        DisputeAccess.check(disputes.dispute(id));
        return act(id, redirect, "flash.dispute.shipmentAdded", () -> evidence.addShipment(id,
                new Evidence.Shipment(carrier, trackingNumber, shippedOn, deliveredOn, note)));
    }

    @PostMapping("/disputes/{id}/notes")
    @DisputeSpecialistProcessManagerOrAdmin
    String note(@PathVariable UUID id, @RequestParam EvidenceItem item, @RequestParam(required = false) @Nullable String text,
                @RequestParam(required = false) @Nullable MultipartFile file, RedirectAttributes redirect) throws IOException {
        DisputeAccess.check(disputes.dispute(id));
        boolean hasFile = file != null && !file.isEmpty();
        byte[] content = hasFile ? file.getBytes() : null;
        return act(id, redirect, "flash.dispute.evidenceAdded", () -> evidence.addNote(id, item, text,
                hasFile ? file.getOriginalFilename() : null, hasFile ? file.getContentType() : null, content));
    }

    @PostMapping("/disputes/{id}/accept")
    @DisputeSpecialistProcessManagerOrAdmin
    String accept(@PathVariable UUID id, @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        DisputeAccess.check(disputes.dispute(id));
        return act(id, redirect, "flash.dispute.accepted", () -> disputes.accept(id, note));
    }

    @PostMapping("/disputes/{id}/submit")
    @DisputeSpecialistProcessManagerOrAdmin
    String submit(@PathVariable UUID id, RedirectAttributes redirect) {
        DisputeAccess.check(disputes.dispute(id));
        try {
            Evidence.Submission s = evidence.submit(id);
            if (s.accepted()) {
                redirect.addFlashAttribute("flash", texts.getMessage("flash.dispute.submitted", new Object[] {s.adapter()}));
            } else {
                redirect.addFlashAttribute("error", texts.getMessage("flash.dispute.refused", new Object[] {s.providerResponse()}));
            }
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/disputes/" + id;
    }

    private String act(UUID id, RedirectAttributes redirect, String doneKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", texts.getMessage(doneKey));
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/disputes/" + id;
    }

    /** Outcomes of disputes opened in a date range (both ends optional, {@code to} inclusive). */
    @GetMapping("/disputes/analytics")
    @DisputeSpecialistProcessManagerAdminOrAuditor
    String analytics(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                     Model model) {
        List<String> scope = CurrentUser.marketScope();
        LocalDate fromDay = day(from, "from", model);
        LocalDate toDay = day(to, "to", model);
        Instant start = fromDay == null ? null : fromDay.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Instant end = toDay == null ? null : toDay.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        model.addAttribute("from", fromDay);
        model.addAttribute("to", toDay);
        model.addAttribute("byReason", analytics.outcomes(DisputeAnalytics.Dimension.REASON, scope, start, end));
        model.addAttribute("byProvider", analytics.outcomes(DisputeAnalytics.Dimension.PROVIDER, scope, start, end));
        model.addAttribute("byMarket", analytics.outcomes(DisputeAnalytics.Dimension.MARKET, scope, start, end));
        model.addAttribute("byNetwork", analytics.outcomes(DisputeAnalytics.Dimension.NETWORK, scope, start, end));
        model.addAttribute("ratios", monitoring.ratios(monitoring.currentMonth()));
        model.addAttribute("lastRatios", monitoring.ratios(monitoring.currentMonth().minusMonths(1)));
        return "disputes/analytics";
    }

    /** A date from a filter field; a bad one is reported on the page and ignored. */
    private static @Nullable LocalDate day(@Nullable String value, String field, Model model) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            model.addAttribute("badDate", field);
            return null;
        }
    }

    private static final Map<String, Comparator<ReasonCode>> CODE_SORTS = Map.of(
            "scheme", ListQuery.byText(ReasonCode::scheme),
            "code", ListQuery.byText(ReasonCode::code),
            "title", ListQuery.byText(ReasonCode::title),
            "category", ListQuery.by(ReasonCode::category),
            "days", Comparator.comparingInt(ReasonCode::responseDays));

    @GetMapping("/disputes/reason-codes")
    @DisputeSpecialistProcessManagerAdminOrAuditor
    String reasonCodes(ListQuery list, Model model) {
        List<ReasonCode> codes = reasonCodes.all().stream()
                .filter(c -> list.is("scheme", c.scheme()) && list.is("category", c.category())
                        && list.matches(c.scheme(), c.code(), c.title(), c.category().label()))
                .toList();
        model.addAttribute("page", list.page(codes, CODE_SORTS));
        model.addAttribute("schemes", reasonCodes.all().stream().map(ReasonCode::scheme).distinct().sorted().toList());
        model.addAttribute("categories", ReasonCategory.values());
        return "disputes/reason-codes";
    }

    @GetMapping("/disputes/reason-codes/{scheme}/{code}")
    @ProcessManagerOrAdmin
    String editReasonCode(@PathVariable String scheme, @PathVariable String code, Model model) {
        model.addAttribute("code", reasonCodes.find(scheme, code)
                .orElseThrow(() -> new dev.paydesk.shared.NotFoundException("no reason code " + scheme + " " + code)));
        model.addAttribute("categories", ReasonCategory.values());
        model.addAttribute("items", EvidenceItem.values());
        return "disputes/reason-code";
    }

    @PostMapping("/disputes/reason-codes/{scheme}/{code}")
    @ProcessManagerOrAdmin
    String saveReasonCode(@PathVariable String scheme, @PathVariable String code, @RequestParam String title,
                          @RequestParam ReasonCategory category, @RequestParam int responseDays,
                          @RequestParam(required = false) @Nullable List<EvidenceItem> evidence,
                          @RequestParam(required = false) @Nullable String source, @RequestParam int version,
                          RedirectAttributes redirect) {
        try {
            reasonCodes.update(new ReasonCode(scheme, code, title, category, responseDays,
                    evidence == null ? List.of() : evidence, source, version));
            redirect.addFlashAttribute("flash", texts.getMessage("flash.reasonCode.saved", new Object[] {scheme, code}));
            return "redirect:/disputes/reason-codes";
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/disputes/reason-codes/" + scheme + "/" + code;
        }
    }

    static String countdown(DisputeSummary d, Instant now) {
        if (!d.isOpen()) {
            return d.status().name().toLowerCase();
        }
        if (d.status() == DisputeStatus.UNDER_REVIEW) {
            return "evidence submitted, awaiting the issuer's decision";
        }
        if (d.respondBy() == null) {
            return "no deadline";
        }
        Duration left = Duration.between(now, d.respondBy());
        String span = span(left.abs());
        return left.isNegative() ? "overdue by " + span : "in " + span;
    }

    static String urgency(DisputeSummary d, Instant now) {
        if (!d.isOpen() || d.respondBy() == null || d.status() == DisputeStatus.UNDER_REVIEW) {
            return "badge-muted";
        }
        Duration left = Duration.between(now, d.respondBy());
        return left.isNegative() || left.toHours() < 48 ? "badge-danger" : left.toDays() < 5 ? "badge-warn" : "badge-ok";
    }

    private static String span(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        return days > 0 ? days + "d " + hours + "h" : hours > 0 ? hours + "h " + d.toMinutesPart() + "m" : d.toMinutesPart() + "m";
    }
}
