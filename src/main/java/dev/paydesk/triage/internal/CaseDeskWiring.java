package dev.paydesk.triage.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.CaseCategorised;
import dev.paydesk.cases.CaseCreated;
import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseDetail;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CategoryDirectory;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.triage.Cell;
import dev.paydesk.triage.Contact;
import dev.paydesk.triage.IncidentOpened;
import dev.paydesk.triage.Incidents;
import dev.paydesk.triage.RepeatContacts;
import dev.paydesk.triage.RoutingDecision;
import dev.paydesk.triage.Suggestion;
import dev.paydesk.triage.Taxonomy;
import dev.paydesk.triage.Triage;

/**
 * Triage on the case desk: every new case is classified (confident: category and the category's
 * queue; otherwise it stays in the triage queue with the top three suggestions noted), checked for a
 * repeat contact (linked and tagged) and counted for incident detection. Agents' category changes
 * become corrections or confirmations for the next training run; a detected incident tags and links
 * its cases so the bulk clean-up can select them.
 */
@Component
class CaseDeskWiring implements CategoryDirectory {

    static final String UNKNOWN = "unknown";

    private final Triage triage;
    private final RepeatContacts repeats;
    private final Incidents incidents;
    private final Taxonomy taxonomy;
    private final CaseDesk desk;

    CaseDeskWiring(Triage triage, RepeatContacts repeats, Incidents incidents, Taxonomy taxonomy, CaseDesk desk) {
        this.triage = triage;
        this.repeats = repeats;
        this.incidents = incidents;
        this.taxonomy = taxonomy;
        this.desk = desk;
    }

    @ApplicationModuleListener
    void on(CaseCreated created) {
        String text = created.subject() + "\n" + created.text();
        String category = created.category();
        if (category == null) {
            RoutingDecision decision = triage.route(created.key(), text, created.language(), created.market());
            switch (decision) {
                case RoutingDecision.Categorised c -> {
                    category = c.category();
                    desk.categorise(created.caseId(), category, false);
                    desk.reroute(created.caseId());
                }
                case RoutingDecision.QueuedForTriage q -> desk.addNote(created.caseId(), "Triage suggestions: "
                        + q.classification().suggestions().stream().map(CaseDeskWiring::describe).collect(Collectors.joining(", ")));
                case RoutingDecision.NoModel n -> { }
            }
        }
        repeats.register(new Contact(created.key(), created.customerRef(), created.paymentRef(), created.at()))
                .ifPresent(repeat -> {
                    desk.link(created.caseId(), new CaseLink(LinkKind.CASE, repeat.repeatOf()));
                    desk.addNote(created.caseId(), "Repeat contact of " + repeat.repeatOf() + " ("
                            + repeat.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
                });
        if (category != null) {
            incidents.observe(created.key(), cell(category, created.provider(), created.market()), created.at());
        }
    }

    @ApplicationModuleListener
    void on(CaseCategorised categorised) {
        if (categorised.previous() == null) {
            triage.confirm(categorised.key(), categorised.text(), categorised.language(), categorised.category());
        } else {
            triage.correct(categorised.key(), categorised.text(), categorised.language(), categorised.previous(),
                    categorised.category());
        }
        // The agent's category is the one root causes and incidents count: move the case's count, or
        // count it now if it had no category at intake (no model yet, or left in the triage queue).
        if (!incidents.recategorise(categorised.key(), categorised.category())) {
            CaseDetail detail = desk.get(categorised.caseId());
            incidents.observe(categorised.key(), cell(categorised.category(), detail.provider(), detail.summary().market()),
                    detail.summary().createdAt());
        }
    }

    /** The counting cell of a case (cases carry no payment method yet). */
    private static Cell cell(String category, @Nullable String provider, String market) {
        return new Cell(category, Optional.ofNullable(provider).orElse(UNKNOWN).toUpperCase(Locale.ROOT), market, UNKNOWN);
    }

    @ApplicationModuleListener
    void on(IncidentOpened opened) {
        String tag = "incident-" + opened.incidentId();
        for (String key : incidents.items(opened.incidentId())) {
            desk.resolve(key).ifPresent(id -> {
                desk.link(id, new CaseLink(LinkKind.INCIDENT, Long.toString(opened.incidentId())));
                List<String> tags = new java.util.ArrayList<>(desk.get(id).summary().tags());
                if (!tags.contains(tag)) {
                    tags.add(tag);
                    desk.setTags(id, tags);
                }
            });
        }
    }

    @Override
    public List<Entry> categories(String language) {
        return taxonomy.categories().stream().filter(dev.paydesk.triage.Category::active)
                .map(c -> new Entry(c.code(), c.name(language), c.defaultQueue())).toList();
    }

    @Override
    public Optional<Entry> category(String code, String language) {
        return taxonomy.find(code).map(c -> new Entry(c.code(), c.name(language), c.defaultQueue()));
    }

    private static String describe(Suggestion s) {
        return s.category() + " (" + Math.round(s.probability() * 100) + " %)";
    }
}
