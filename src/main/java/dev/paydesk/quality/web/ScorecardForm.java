package dev.paydesk.quality.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import dev.paydesk.quality.Criterion;
import dev.paydesk.quality.Scorecard;
import dev.paydesk.quality.ScorecardDraft;
import dev.paydesk.shared.InvalidInputException;

/**
 * The scorecard editor's fields: name, category group, market and one row per criterion (parallel
 * request parameters {@code code, label, section, weight, scale, critical, check}; a row without code and
 * label is an unused blank row). Kept as text so a rejected form comes back exactly as typed.
 */
record ScorecardForm(String name, String categoryGroup, String market, List<Row> rows) {

    static final int BLANK_ROWS = 3;

    record Row(String code, String label, String section, String weight, String scale, String critical,
               String check) {
        boolean blank() {
            return code.isBlank() && label.isBlank();
        }

        Criterion criterion() {
            Integer w;
            try {
                w = weight.isBlank() ? null : Integer.valueOf(weight.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("criteria", "criterion '" + code + "' has weight '" + weight
                        + "': weights are whole numbers");
            }
            return new QualityApiController.CriterionRequest(code.strip(), label.strip(), section, w, scale,
                    "true".equals(critical), check.isBlank() ? null : check.strip()).toCriterion();
        }
    }

    static ScorecardForm empty() {
        return new ScorecardForm("", "", "", blanks(List.of()));
    }

    /** The next version of a card: its fields and criteria, plus blank rows for new criteria. */
    static ScorecardForm of(Scorecard card) {
        List<Row> rows = card.criteria().stream().map(c -> new Row(c.code(), c.label(), c.section(),
                Integer.toString(c.weight()), c.scale().name(), Boolean.toString(c.critical()),
                c.check() == null ? "" : c.check())).toList();
        return new ScorecardForm(card.name(), text(card.categoryGroup()), text(card.market()), blanks(rows));
    }

    static ScorecardForm of(MultiValueMap<String, String> params) {
        List<String> codes = values(params, "code");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            rows.add(new Row(codes.get(i), at(params, "label", i), at(params, "section", i), at(params, "weight", i),
                    at(params, "scale", i), at(params, "critical", i), at(params, "check", i)));
        }
        return new ScorecardForm(text(params.getFirst("name")), text(params.getFirst("categoryGroup")),
                text(params.getFirst("market")), rows);
    }

    /** The draft to save; invalid input names the offending criterion. */
    ScorecardDraft draft() {
        List<Criterion> criteria = rows.stream().filter(r -> !r.blank()).map(Row::criterion).toList();
        return new ScorecardDraft(name, categoryGroup, market, criteria);
    }

    /** The same form with blank rows at the end again (after a rejected save). */
    ScorecardForm withBlankRows() {
        return new ScorecardForm(name, categoryGroup, market, blanks(rows.stream().filter(r -> !r.blank()).toList()));
    }

    private static List<Row> blanks(List<Row> rows) {
        List<Row> all = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS; i++) {
            all.add(new Row("", "", "", "1", "YES_NO", "false", ""));
        }
        return all;
    }

    private static List<String> values(MultiValueMap<String, String> params, String name) {
        List<String> v = params.get(name);
        return v == null ? List.of() : v;
    }

    private static String at(MultiValueMap<String, String> params, String name, int i) {
        List<String> v = values(params, name);
        return i < v.size() ? text(v.get(i)) : "";
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }
}
