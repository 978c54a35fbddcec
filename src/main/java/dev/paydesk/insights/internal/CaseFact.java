package dev.paydesk.insights.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.CaseClock;
import dev.paydesk.cases.CaseDetail;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.EntryKind;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.cases.ClockKind;
import dev.paydesk.cases.ClockState;
import dev.paydesk.cases.TimelineEntry;
import dev.paydesk.platform.BusinessCalendar;

/**
 * What insights keeps of one case: its dimensions and the instants its KPIs count on. Built from the
 * case's current state, so reading it again after any event gives the same row (idempotent).
 *
 * @param resolvedAt the first RESOLVED or CLOSED after the last reopen; null while open
 * @param frState, resState the FIRST_RESPONSE / RESOLUTION clock state (null without such a clock)
 * @param frDecidedAt when the first-response clock was decided: the first reply (or the resolution when
 *                    that satisfied it) or the breach; null while running
 * @param csatPending a survey was sent and is neither answered nor expired (refreshed by a sweep)
 * @param conduct how the case was handled (reopens, replies, repeat contact, PSD2 and OLA clocks, survey sent)
 */
record CaseFact(UUID caseId, String key, String market, String provider, String queue, String category,
                String priority, @Nullable String assignee, Instant createdAt, @Nullable Instant resolvedAt,
                @Nullable Instant firstReplyAt, @Nullable Integer firstResponseMinutes, @Nullable String frState,
                @Nullable Instant frDecidedAt, @Nullable String resState, @Nullable Instant resDecidedAt,
                @Nullable Integer csatRating, @Nullable Instant csatAt, boolean csatPending, Conduct conduct) {

    /**
     * @param reopens how often the case went from resolved or closed back to an open status
     * @param repliesOut messages sent to the customer
     * @param repeatContact the case links to an earlier case (triage links a repeat contact so; a manual
     *                      case link counts too)
     * @param psd2State, psd2DecidedAt the PSD2 reply deadline (an EXTERNAL clock labelled "PSD2 ..."):
     *                   decided at the breach, or when the case resolved while the clock was met
     * @param olaState, olaDecidedAt the OLA clock of an escalation, decided the same way
     * @param csatSentAt when the CSAT survey was sent (null: none)
     * @param approvals money actions that waited for a four-eyes decision, in timeline order
     */
    record Conduct(int reopens, int repliesOut, boolean repeatContact, @Nullable String psd2State,
                   @Nullable Instant psd2DecidedAt, @Nullable String olaState, @Nullable Instant olaDecidedAt,
                   @Nullable Instant csatSentAt, java.util.List<Approval> approvals) {
        static final Conduct NONE = new Conduct(0, 0, false, null, null, null, null, null, java.util.List.of());
    }

    /** A four-eyes decision: requested (pending approval) and approved or rejected by a second person. */
    record Approval(Instant requestedAt, Instant decidedAt) {
        int waitingMinutes() {
            return (int) java.time.Duration.between(requestedAt, decidedAt).toMinutes();
        }
    }

    /** A fact without handling details (tests and the benchmark). */
    CaseFact(UUID caseId, String key, String market, String provider, String queue, String category,
             String priority, @Nullable String assignee, Instant createdAt, @Nullable Instant resolvedAt,
             @Nullable Instant firstReplyAt, @Nullable Integer firstResponseMinutes, @Nullable String frState,
             @Nullable Instant frDecidedAt, @Nullable String resState, @Nullable Instant resDecidedAt,
             @Nullable Integer csatRating, @Nullable Instant csatAt, boolean csatPending) {
        this(caseId, key, market, provider, queue, category, priority, assignee, createdAt, resolvedAt, firstReplyAt,
                firstResponseMinutes, frState, frDecidedAt, resState, resDecidedAt, csatRating, csatAt, csatPending,
                Conduct.NONE);
    }

    static CaseFact of(CaseDetail d, CaseWorkbench.@Nullable Survey survey, @Nullable BusinessCalendar calendar,
                       Instant now) {
        var s = d.summary();
        Instant resolvedAt = null;
        Instant firstReply = null;
        for (TimelineEntry e : d.timeline()) {
            if (e.kind() == EntryKind.MESSAGE_OUT && (firstReply == null || e.at().isBefore(firstReply))) {
                firstReply = e.at();
            }
        }
        int reopens = 0;
        int repliesOut = 0;
        boolean closed = false;
        for (TimelineEntry e : d.timeline()) {
            repliesOut += e.kind() == EntryKind.MESSAGE_OUT ? 1 : 0;
            if (e.kind() == EntryKind.STATUS && e.data().get("status") instanceof String st) {
                boolean open = CaseStatus.valueOf(st).isOpen();
                reopens += open && closed ? 1 : 0;
                closed = !open;
                if (open) {
                    resolvedAt = null;
                } else if (resolvedAt == null) {
                    resolvedAt = e.at();
                }
            }
        }
        if (s.status().isOpen()) {
            resolvedAt = null;
        } else if (resolvedAt == null) {
            resolvedAt = s.updatedAt();
        }
        Integer minutes = null;
        if (firstReply != null) {
            minutes = (int) Math.max(0, calendar != null
                    ? calendar.businessMinutesBetween(s.createdAt(), firstReply)
                    : java.time.Duration.between(s.createdAt(), firstReply).toMinutes());
        }
        CaseClock fr = clock(d, ClockKind.FIRST_RESPONSE);
        CaseClock res = clock(d, ClockKind.RESOLUTION);
        Instant frDecided = decided(fr, firstReply != null ? firstReply : resolvedAt);
        Instant resDecided = decided(res, resolvedAt);
        Integer rating = survey == null ? null : survey.rating();
        Instant answered = survey == null || rating == null ? null : survey.answeredAt();
        boolean pending = survey != null && rating == null && survey.expiresAt().isAfter(now);
        CaseClock psd2 = d.clocks().stream().filter(c -> c.kind() == ClockKind.EXTERNAL && c.label().startsWith("PSD2"))
                .findFirst().orElse(null);
        CaseClock ola = clock(d, ClockKind.OLA);
        boolean repeat = d.links().stream().anyMatch(l -> l.kind() == dev.paydesk.cases.LinkKind.CASE);
        Conduct conduct = new Conduct(reopens, repliesOut, repeat, psd2 == null ? null : psd2.state().name(),
                decided(psd2, resolvedAt), ola == null ? null : ola.state().name(), decided(ola, resolvedAt),
                survey == null ? null : survey.sentAt(), approvals(d));
        return new CaseFact(s.id(), s.key(), s.market(), upper(d.provider()), nz(s.queue()), nz(s.category()),
                s.priority().name(), s.assignee(), s.createdAt(), resolvedAt, firstReply, minutes,
                fr == null ? null : fr.state().name(), frDecided, res == null ? null : res.state().name(), resDecided,
                answered == null ? null : rating, answered, pending, conduct);
    }

    /** Pairs each MONEY_REQUESTED that waited for approval with the MONEY_APPROVED / MONEY_REJECTED of its action. */
    static java.util.List<Approval> approvals(CaseDetail d) {
        java.util.Map<Object, Instant> pending = new java.util.HashMap<>();
        java.util.List<Approval> out = new java.util.ArrayList<>();
        for (TimelineEntry e : d.timeline()) {
            Object action = e.data().get("action");
            if (action == null) {
                continue;
            }
            if (e.kind() == EntryKind.MONEY_REQUESTED && "PENDING_APPROVAL".equals(e.data().get("status"))) {
                pending.put(action, e.at());
            } else if (e.kind() == EntryKind.MONEY_APPROVED || e.kind() == EntryKind.MONEY_REJECTED) {
                Instant requested = pending.remove(action);
                if (requested != null) {
                    out.add(new Approval(requested, e.at()));
                }
            }
        }
        return out;
    }

    private static @Nullable CaseClock clock(CaseDetail d, ClockKind kind) {
        return d.clocks().stream().filter(c -> c.kind() == kind).findFirst().orElse(null);
    }

    private static @Nullable Instant decided(@Nullable CaseClock clock, @Nullable Instant metAt) {
        if (clock == null) {
            return null;
        }
        return switch (clock.state()) {
            case BREACHED -> clock.breachedAt() != null ? clock.breachedAt() : clock.dueAt();
            case MET -> metAt;
            case RUNNING, PAUSED -> null;
        };
    }

    /** The local day of an instant in the market's zone. */
    static java.time.@Nullable LocalDate day(@Nullable Instant at, ZoneId zone) {
        return at == null ? null : at.atZone(zone).toLocalDate();
    }

    static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    static String upper(@Nullable String s) {
        return s == null ? "" : s.toUpperCase(java.util.Locale.ROOT);
    }

    static boolean isDecided(@Nullable String state) {
        return ClockState.MET.name().equals(state) || ClockState.BREACHED.name().equals(state);
    }
}
