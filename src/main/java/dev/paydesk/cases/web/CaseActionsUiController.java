package dev.paydesk.cases.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseDetail;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseQuery;
import dev.paydesk.cases.CaseSettings;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.cases.CategoryDirectory;
import dev.paydesk.cases.EntryKind;
import dev.paydesk.cases.ExpectedVersion;
import dev.paydesk.cases.StaleCaseException;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.MoneyAction;
import dev.paydesk.cases.MoneyActionType;
import dev.paydesk.cases.MoneyActions;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.payments.OrderTimeline;
import dev.paydesk.payments.PaymentQueries;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.NavItem;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.MoneyParser;
import dev.paydesk.shared.NotFoundException;
import dev.paydesk.platform.access.AnySpecialistProcessManagerOrAdmin;
import dev.paydesk.platform.access.CaseWorker;
import dev.paydesk.platform.access.CaseWorkerOrAuditor;
/** The case page's actions: each runs against the version the page was rendered with (see {@code act}). */
@Controller
@CaseWorkerOrAuditor
class CaseActionsUiController {

    private final CaseDesk desk;
    private final MoneyActions money;
    private final CaseWorkbench workbench;
    private final dev.paydesk.cases.CaseAttachments attachments;
    private final org.springframework.context.MessageSource messages;

    CaseActionsUiController(CaseDesk desk, MoneyActions money, CaseWorkbench workbench,
                            dev.paydesk.cases.CaseAttachments attachments, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.desk = desk;
        this.money = money;
        this.workbench = workbench;
        this.attachments = attachments;
    }

    @PostMapping("/cases/{key:PD-\\d+}/reply")
    @CaseWorker
    String reply(@PathVariable String key, @RequestParam String body, @RequestParam(required = false) @Nullable String then,
                 @RequestParam(required = false) @Nullable String macro,
                 @RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
        return act(key, version, new Draft("replyDraft", body), redirect, id -> {
            // a macro is only ever sent as the text the person saw (and perhaps edited) in the reply box
            if (body == null || body.isBlank()) {
                throw new InvalidInputException("body", t(macro == null || macro.isBlank()
                        ? "case.error.replyEmpty" : "case.error.replyEmptyMacro"));
            }
            String text = body;
            CaseStatus status = null;
            WaitingReason reason = null;
            if (then != null && !then.isBlank()) {
                if (then.startsWith("WAITING_")) {
                    status = CaseStatus.WAITING;
                    reason = WaitingReason.valueOf(then.substring("WAITING_".length()));
                } else {
                    status = CaseStatus.valueOf(then);
                }
            }
            if (status == CaseStatus.RESOLVED) {
                text = workbench.withSurvey(id, text);
            }
            desk.reply(id, ExpectedVersion.of(version), text, status, reason);
            return t("case.flash.replied");
        });
    }

    @PostMapping("/cases/{key:PD-\\d+}/note")
    @CaseWorker
    String note(@PathVariable String key, @RequestParam String body,
                @RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
        return act(key, version, new Draft("noteDraft", body), redirect, id -> {
            desk.addNote(id, ExpectedVersion.of(version), body);
            return t("case.flash.noted");
        });
    }

    @PostMapping("/cases/{key:PD-\\d+}/status")
    @CaseWorker
    String status(@PathVariable String key, @RequestParam CaseStatus status,
                  @RequestParam(required = false) @Nullable WaitingReason reason,
                  @RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
        return act(key, version, null, redirect, id -> {
            desk.changeStatus(id, ExpectedVersion.of(version), status, reason);
            return t("case.flash.status", label(status));
        });
    }

    @PostMapping("/cases/{key:PD-\\d+}/assign")
    @CaseWorker
    String assign(@PathVariable String key, @RequestParam(required = false) @Nullable String queue,
                  @RequestParam(required = false) @Nullable String assignee, @RequestParam(defaultValue = "false") boolean me,
                  @RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
        return act(key, version, null, redirect, id -> {
            desk.assign(id, ExpectedVersion.of(version), queue, me ? CurrentUser.actorName() : assignee);
            return t("case.flash.assigned");
        });
    }

    @PostMapping("/cases/{key:PD-\\d+}/details")
    @CaseWorker
    String details(@PathVariable String key, @RequestParam(required = false) @Nullable String category,
                   @RequestParam Priority priority, @RequestParam(defaultValue = "") String tags,
                   @RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
        return act(key, version, null, redirect, id -> {
            desk.saveDetails(id, ExpectedVersion.of(version), category, priority, CasesUiController.splitTags(tags));
            return t("case.flash.details");
        });
    }

    @PostMapping("/cases/{key:PD-\\d+}/link")
    @CaseWorker
    String link(@PathVariable String key, @RequestParam LinkKind kind, @RequestParam String ref,
                @RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
        return act(key, version, null, redirect, id -> {
            desk.link(id, ExpectedVersion.of(version), new CaseLink(kind, ref));
            return t("case.flash.linked", label(kind), ref);
        });
    }

    @PostMapping("/cases/{key:PD-\\d+}/escalate")
    @CaseWorker
    String escalate(@PathVariable String key, @RequestParam String queue, @RequestParam String note,
                    @RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
        return act(key, version, null, redirect, id -> t("case.flash.escalated", desk.escalate(id, ExpectedVersion.of(version), queue, note).key()));
    }

    @PostMapping("/cases/{key:PD-\\d+}/merge")
    @CaseWorker
    String merge(@PathVariable String key, @RequestParam String into,
                 @RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
        return act(key, version, null, redirect, id -> {
            UUID target = desk.resolve(into).orElseThrow(() -> new InvalidInputException("into", t("case.error.noCase", into)));
            desk.merge(id, ExpectedVersion.of(version), target);
            return t("case.flash.merged", into);
        });
    }

    @PostMapping("/cases/{key:PD-\\d+}/money")
    @CaseWorker
    String requestMoney(@PathVariable String key, @RequestParam MoneyActionType type, @RequestParam String amount,
                        @RequestParam String currency, @RequestParam(required = false) @Nullable String paymentRef,
                        @RequestParam(required = false) @Nullable String targetMethod, @RequestParam String reason,
                        RedirectAttributes redirect) {
        return act(key, redirect, id -> {
            var action = money.request(id, type,
                    MoneyParser.localized("amount", amount, "currency", currency, MoneyParser.Sign.POSITIVE, org.springframework.context.i18n.LocaleContextHolder.getLocale()), blank(paymentRef), blank(targetMethod), reason);
            return action.needsApproval() ? t("case.flash.moneyPending", action.approvalNote())
                    : t("case.flash.moneyApproved");
        });
    }

    /** Approves or rejects a money action from the case page; the service refuses the requester and non-approvers. */
    @PostMapping("/cases/{key:PD-\\d+}/money/{actionId}")
    @CaseWorker
    String decideMoney(@PathVariable String key, @PathVariable UUID actionId, @RequestParam String decision,
                       @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return act(key, redirect, id -> {
            MoneyAction action = money.forCase(id).stream().filter(a -> a.id().equals(actionId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("money action " + actionId + " not found"));
            if (decision.equals("approve")) {
                money.approve(action.id(), note.isBlank() ? null : note);
                return t("case.flash.approved", label(action.type()), MoneyParser.toText(action.amount(), locale())
                        + " " + action.amount().currency().getCurrencyCode());
            }
            if (decision.equals("reject")) {
                money.reject(action.id(), note);
                return t("case.flash.rejected", label(action.type()));
            }
            throw new InvalidInputException("decision", t("case.error.decision"));
        });
    }

    @PostMapping("/cases/{key:PD-\\d+}/sop/{sopId}/{step}")
    @CaseWorker
    String sopStep(@PathVariable String key, @PathVariable long sopId, @PathVariable int step, RedirectAttributes redirect) {
        return act(key, redirect, id -> {
            workbench.checkSopStep(id, sopId, step);
            return t("case.flash.stepDone");
        });
    }

    @PostMapping(path = "/cases/{key:PD-\\d+}/attachments", consumes = "multipart/form-data")
    @CaseWorker
    String attach(@PathVariable String key, @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                  RedirectAttributes redirect) {
        return act(key, redirect, id -> {
            try {
                return t("case.flash.attached", attachments.add(id, file.getOriginalFilename(), file.getContentType(), file.getBytes()).filename());
            } catch (java.io.IOException e) {
                throw new InvalidInputException("file", t("case.error.upload"));
            }
        });
    }

    /** Text a person typed and has not sent yet, kept across a stale submit. */
    private record Draft(String field, String text) {
    }

    private interface CaseAction {
        String run(UUID id);
    }

    private String act(String key, RedirectAttributes redirect, CaseAction action) {
        return act(key, null, null, redirect, action);
    }

    /**
     * Runs a case action from a form rendered at {@code version}. When the case changed since, the page
     * shows what changed (the entries written after that version) and keeps the unsent {@code draft}.
     */
    private String act(String key, @Nullable Integer version, @Nullable Draft draft, RedirectAttributes redirect,
                       CaseAction action) {
        UUID id = desk.resolve(key).orElseThrow(() -> new NotFoundException("case " + key + " not found"));
        try {
            redirect.addFlashAttribute("flash", action.run(id));
        } catch (StaleCaseException e) {
            redirect.addFlashAttribute("staleSince", e.expected());
            if (draft != null) {
                redirect.addFlashAttribute(draft.field(), draft.text());
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", t("case.field." + e.field(), e.field()) + ": " + e.getMessage());
            keep(draft, redirect);
        } catch (dev.paydesk.shared.ConflictException
                 | org.springframework.security.access.AccessDeniedException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            keep(draft, redirect);
        }
        return "redirect:/cases/" + key;
    }

    private static void keep(@Nullable Draft draft, RedirectAttributes redirect) {
        if (draft != null && draft.text() != null && !draft.text().isBlank()) {
            redirect.addFlashAttribute(draft.field(), draft.text());
        }
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private String label(Enum<?> value) {
        return messages.getMessage("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name(), null,
                CaseTimeline.words(value.name()), locale());
    }

    private static java.util.Locale locale() {
        return org.springframework.context.i18n.LocaleContextHolder.getLocale();
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
