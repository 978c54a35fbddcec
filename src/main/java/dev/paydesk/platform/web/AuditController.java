package dev.paydesk.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import dev.paydesk.platform.internal.AuditQueries;
import dev.paydesk.platform.internal.JdbcAuditLog;
import dev.paydesk.platform.access.AdminOrAuditor;
import dev.paydesk.shared.ListQuery;

/** The audit log page and its chain verification (admins and auditors). */
@Controller
@AdminOrAuditor
class AuditController {

    private final AuditQueries queries;
    private final JdbcAuditLog audit;

    AuditController(AuditQueries queries, JdbcAuditLog audit) {
        this.queries = queries;
        this.audit = audit;
    }

    @GetMapping("/audit")
    String page(@RequestParam(required = false) @Nullable String entityType,
                @RequestParam(required = false) @Nullable String entityId,
                @RequestParam(required = false) @Nullable String actor, ListQuery list, Model model) {
        model.addAttribute("page", queries.page(entityType, entityId, actor, list));
        return "audit";
    }

    @PostMapping("/audit/verify")
    String verify(@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, ListQuery list,
                  Model model) {
        model.addAttribute("verification", audit.verify());
        if (htmx != null) {
            return "audit-verification :: result";
        }
        model.addAttribute("page", queries.page(null, null, null, list));
        return "audit";
    }
}
