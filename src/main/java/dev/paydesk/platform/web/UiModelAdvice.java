package dev.paydesk.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.paydesk.platform.Inbox;
import dev.paydesk.platform.NavItem;
import dev.paydesk.platform.internal.UserAccount;
import jakarta.servlet.http.HttpServletRequest;

/** Puts the signed-in user and the navigation they may see into every UI page's model. */
@ControllerAdvice(annotations = Controller.class)
class UiModelAdvice {

    private static final List<String> SECTION_ORDER = List.of("Work", "Money", "Insight", "Settings", "Admin");

    private final List<NavItem> items;
    private final List<Inbox> inboxes;

    UiModelAdvice(List<NavItem> items, List<Inbox> inboxes) {
        this.items = items;
        this.inboxes = inboxes;
    }

    /**
     * The header's notification bell, when a module keeps notifications for this user: the first module's with
     * unread notifications, else the first module's.
     */
    @ModelAttribute("bell")
    Inbox.@Nullable Bell bell(@AuthenticationPrincipal @Nullable UserAccount me) {
        if (me == null) {
            return null;
        }
        // the first bell with something unread (e.g. the case desk's, else knowledge's review notices), else the first
        List<Inbox.Bell> bells = inboxes.stream().flatMap(i -> i.bell(me).stream()).toList();
        return bells.stream().filter(b -> b.unread() > 0).findFirst().orElse(bells.isEmpty() ? null : bells.getFirst());
    }

    @ModelAttribute("me")
    @Nullable UserAccount me(@AuthenticationPrincipal @Nullable UserAccount me) {
        return me;
    }

    @ModelAttribute("meRoles")
    String meRoles(@AuthenticationPrincipal @Nullable UserAccount me) {
        if (me == null) {
            return "";
        }
        return me.roles().stream().map(r -> r.label()).sorted().collect(Collectors.joining(", "));
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("navSections")
    Map<String, List<NavItem>> nav(@AuthenticationPrincipal @Nullable UserAccount me) {
        Map<String, List<NavItem>> sections = new LinkedHashMap<>();
        if (me == null) {
            return sections;
        }
        List<NavItem> visible = items.stream().filter(i -> i.visibleTo(me)).toList();
        for (String section : SECTION_ORDER) {
            List<NavItem> in = visible.stream().filter(i -> i.section().equals(section))
                    .sorted(java.util.Comparator.comparingInt(NavItem::order)).toList();
            if (!in.isEmpty()) {
                sections.put(section, in);
            }
        }
        visible.stream().filter(i -> !SECTION_ORDER.contains(i.section()))
                .forEach(i -> sections.computeIfAbsent(i.section(), s -> new java.util.ArrayList<>()).add(i));
        return sections;
    }
}
