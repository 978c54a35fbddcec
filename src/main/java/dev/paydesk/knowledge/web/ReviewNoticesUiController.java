package dev.paydesk.knowledge.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

import dev.paydesk.knowledge.internal.ReviewNotices;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.Inbox;
import dev.paydesk.platform.PaydeskPrincipal;
import dev.paydesk.platform.access.CaseWorkerOrAuditor;
import dev.paydesk.shared.ListQuery;
import dev.paydesk.shared.NotFoundException;

/**
 * Review notices for article owners: the bell's drawer (an htmx fragment) or a full page, sortable and paged; opening
 * a notice marks it read and opens the article's editor.
 */
@Controller
@CaseWorkerOrAuditor
class ReviewNoticesUiController {

    static final String PATH = "/knowledge/reviews";

    private final ReviewNotices notices;

    ReviewNoticesUiController(ReviewNotices notices) {
        this.notices = notices;
    }

    @GetMapping(PATH)
    String list(ListQuery list, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        String me = CurrentUser.actorName();
        model.addAttribute("unread", notices.unreadCount(me));
        if (htmx != null) {
            model.addAttribute("items", notices.recent(me, 20));
            return "knowledge/reviews :: drawer";
        }
        Map<String, Comparator<ReviewNotices.Notice>> sorts = new LinkedHashMap<>();
        sorts.put("time", ListQuery.by(ReviewNotices.Notice::createdAt));
        sorts.put("due", ListQuery.by(ReviewNotices.Notice::reviewDue));
        sorts.put("title", ListQuery.byText(ReviewNotices.Notice::title));
        sorts.put("read", ListQuery.by(ReviewNotices.Notice::read));
        model.addAttribute("items", list.page(notices.recent(me, 500).stream()
                .filter(n -> list.matches(n.title(), n.articleId())).toList(), sorts));
        return "knowledge/reviews";
    }

    @PostMapping(PATH + "/{id}")
    String open(@PathVariable long id) {
        String article = notices.open(CurrentUser.actorName(), id)
                .orElseThrow(() -> new NotFoundException("review notice " + id + " not found"));
        return "redirect:/knowledge/articles/" + article;
    }

    /**
     * The header bell for owners with unread review notices (none otherwise, so the case desk's bell stays the
     * one shown while there is nothing to review).
     */
    @Component
    static class ReviewInbox implements Inbox {

        private final ReviewNotices notices;

        ReviewInbox(ReviewNotices notices) {
            this.notices = notices;
        }

        @Override
        public Optional<Bell> bell(PaydeskPrincipal user) {
            long unread = notices.unreadCount(user.username());
            return unread == 0 ? Optional.empty() : Optional.of(new Bell(unread, PATH));
        }
    }
}
