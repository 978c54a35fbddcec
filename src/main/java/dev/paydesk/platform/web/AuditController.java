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
                @RequestParam(required = false) @Nullable String actor, Model model) {
        model.addAttribute("entries", queries.search(entityType, entityId, actor, 200));
        return "audit";
    }

    @PostMapping("/audit/verify")
    String verify(@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        model.addAttribute("verification", audit.verify());
        if (htmx != null) {
            return "audit-verification :: result";
        }
        model.addAttribute("entries", queries.search(null, null, null, 200));
        return "audit";
    }
}
