package dev.paydesk.cases.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

import dev.paydesk.cases.CaseNotifications;
import dev.paydesk.cases.CaseNotifications.Notification;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.Inbox;
import dev.paydesk.platform.PaydeskPrincipal;
import dev.paydesk.platform.access.CaseWorkerOrAuditor;
import dev.paydesk.shared.ListQuery;
import dev.paydesk.shared.NotFoundException;

/**
 * The bell's drawer (an htmx fragment, or a full page without htmx): the user's notifications, unread first,
 * each opening its case and marking itself read; "Mark all read".
 */
@Controller
@CaseWorkerOrAuditor
class NotificationsUiController {

    static final String PATH = "/cases/notifications";
    static final int DRAWER_SIZE = 20;

    private final CaseNotifications notifications;

    NotificationsUiController(CaseNotifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping(PATH)
    String list(ListQuery list, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String me = CurrentUser.actorName();
        if (htmx != null) {
            model.addAttribute("items", notifications.recent(me, DRAWER_SIZE));
            model.addAttribute("unread", notifications.unreadCount(me));
            return "cases/notifications :: drawer";
        }
        Map<String, Comparator<Notification>> sorts = new LinkedHashMap<>();
        sorts.put("time", ListQuery.by(Notification::createdAt));
        sorts.put("kind", ListQuery.byText(Notification::kind));
        sorts.put("case", ListQuery.byText(Notification::caseKey));
        sorts.put("read", ListQuery.by(Notification::read));
        model.addAttribute("items", list.page(notifications.recent(me, 200).stream()
                .filter(n -> list.is("kind", n.kind()) && list.matches(n.text(), n.caseKey())).toList(), sorts));
        model.addAttribute("unread", notifications.unreadCount(me));
        return "cases/notifications";
    }

    /** Marks the notification read and opens its case (or the list, for a notice without a case). */
    @PostMapping(PATH + "/{id}")
    String open(@PathVariable long id) {
        Notification n = notifications.markRead(CurrentUser.actorName(), id)
                .orElseThrow(() -> new NotFoundException("notification " + id + " not found"));
        return n.caseKey() != null ? "redirect:/cases/" + n.caseKey() : "redirect:" + PATH;
    }

    @PostMapping(PATH + "/read")
    String readAll() {
        notifications.markRead(CurrentUser.actorName());
        return "redirect:" + PATH;
    }

    /** The header bell for case-desk users. */
    @Component
    static class CaseInbox implements Inbox {

        private final CaseNotifications notifications;

        CaseInbox(CaseNotifications notifications) {
            this.notifications = notifications;
        }

        @Override
        public Optional<Bell> bell(PaydeskPrincipal user) {
            if (user.roles().stream().noneMatch(CasesUiController.WORKERS::contains)) {
                return Optional.empty();
            }
            return Optional.of(new Bell(notifications.unreadCount(user.username()), PATH));
        }
    }
}
