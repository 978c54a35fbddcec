package dev.paydesk.quality.sampling;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Picks resolved cases for review and assigns them. The same cases, rules, reviewers and seed always give
 * the same sample: cases are ordered by key before a {@link Random} seeded with {@code seed} shuffles
 * each agent's remainder, and reviewers are chosen by least load, then name.
 */
public final class Sampler {

    private Sampler() {
    }

    public static List<Pick> sample(List<ResolvedCase> cases, SamplingRules rules, List<Reviewer> reviewers,
                                    LocalDate today, long seed) {
        Random random = new Random(seed);
        Map<String, List<ResolvedCase>> byAgent = new TreeMap<>();
        cases.stream().sorted(Comparator.comparing(ResolvedCase::caseKey))
                .forEach(c -> byAgent.computeIfAbsent(c.agent(), a -> new ArrayList<>()).add(c));
        Map<String, String> reasons = new LinkedHashMap<>();
        for (List<ResolvedCase> own : byAgent.values()) {
            List<ResolvedCase> rest = new ArrayList<>();
            int picked = 0;
            for (ResolvedCase c : own) {
                String reason = targeted(c, rules, today);
                if (reason != null) {
                    reasons.put(c.caseKey(), reason);
                    picked++;
                } else {
                    rest.add(c);
                }
            }
            int wanted = Math.max((int) Math.ceil(rules.randomShare() * own.size()), rules.minPerAgent() - picked);
            java.util.Collections.shuffle(rest, random);
            rest.stream().limit(Math.max(0, Math.min(wanted, rest.size())))
                    .forEach(c -> reasons.put(c.caseKey(), "random"));
        }
        Map<String, ResolvedCase> byKey = new HashMap<>();
        cases.forEach(c -> byKey.put(c.caseKey(), c));
        Map<String, Integer> load = new HashMap<>();
        List<Pick> picks = new ArrayList<>();
        LocalDate due = today.plusDays(rules.dueDays());
        reasons.keySet().stream().sorted().forEach(key -> {
            ResolvedCase c = byKey.get(key);
            String reviewer = reviewers.stream()
                    .filter(r -> !r.name().equals(c.agent()))
                    .filter(r -> rules.allowSameSupplier() || r.supplier() == null
                            || !Objects.equals(r.supplier(), c.supplier()))
                    .min(Comparator.comparingInt((Reviewer r) -> load.getOrDefault(r.name(), 0))
                            .thenComparing(Reviewer::name))
                    .map(Reviewer::name).orElse(null);
            if (reviewer != null) {
                load.merge(reviewer, 1, Integer::sum);
            }
            picks.add(new Pick(key, c.agent(), reasons.get(key), reviewer, due));
        });
        return picks;
    }

    /** The first targeted rule a case matches, or null. */
    static @Nullable String targeted(ResolvedCase c, SamplingRules rules, LocalDate today) {
        if (rules.csatAtMost() != null && c.csat() != null && c.csat() <= rules.csatAtMost()) {
            return "csat";
        }
        if (rules.reopened() && c.reopened()) {
            return "reopened";
        }
        if (rules.clockBreached() && c.clockBreached()) {
            return "clock_breached";
        }
        if (rules.moneyAbove() != null && c.largestMoney() != null
                && c.largestMoney().currency().equals(rules.moneyAbove().currency())
                && c.largestMoney().minor() > rules.moneyAbove().minor()) {
            return "money_above";
        }
        if (rules.newAgentDays() > 0 && c.agentStartedOn() != null
                && ChronoUnit.DAYS.between(c.agentStartedOn(), c.resolvedOn()) < rules.newAgentDays()) {
            return "new_agent";
        }
        if (rules.lostDisputes() && c.disputeLost()) {
            return "dispute_lost";
        }
        return null;
    }
}
