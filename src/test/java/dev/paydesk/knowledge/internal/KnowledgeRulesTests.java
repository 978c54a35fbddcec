package dev.paydesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The rules of knowledge without Spring: four eyes, diffs, translation status, query text, rank fusion. */
class KnowledgeRulesTests {

    @Test
    void theAuthorCannotPublishTheirOwnVersion() {
        assertThat(PublishPolicy.decide("anna", "anna", null)).isInstanceOf(PublishPolicy.Refused.class);
        assertThat(PublishPolicy.decide("anna", "ben", null)).isInstanceOf(PublishPolicy.Allowed.class);
        assertThat(PublishPolicy.decide("anna", "ben", "carl")).isInstanceOf(PublishPolicy.Refused.class);
    }

    @Test
    void aTranslationIsPublishedBySomeoneOtherThanItsTranslatorOnce() {
        assertThat(PublishPolicy.decide("translation", "anna", "anna", null)).isEqualTo(new PublishPolicy.Refused(
                "the author of a translation cannot publish it: a second person must approve it (four eyes)"));
        assertThat(PublishPolicy.decide("translation", "anna", "ben", null)).isInstanceOf(PublishPolicy.Allowed.class);
        assertThat(PublishPolicy.decide("translation", "anna", "ben", "carl")).isInstanceOf(PublishPolicy.Refused.class);
    }

    @Test
    void aDiffShowsRemovedAndAddedLinesWithTheirNumbers() {
        VersionDiff diff = VersionDiff.between(1, "intro\nstep one\nstep two\nend", 2, "intro\nstep one\nstep 2\nstep three\nend");
        assertThat(diff.unified()).isEqualTo("  intro\n  step one\n- step two\n+ step 2\n+ step three\n  end\n");
        assertThat(diff.added()).isEqualTo(2);
        assertThat(diff.removed()).isEqualTo(1);
        assertThat(diff.lines()).contains(new VersionDiff.Line(VersionDiff.Kind.REMOVED, 3, 0, "step two"),
                new VersionDiff.Line(VersionDiff.Kind.ADDED, 0, 4, "step three"),
                new VersionDiff.Line(VersionDiff.Kind.SAME, 4, 5, "end"));
    }

    @Test
    void aDiffOfEqualTextsHasNoChanges() {
        VersionDiff diff = VersionDiff.between(1, "a\nb", 2, "a\nb");
        assertThat(diff.added() + diff.removed()).isZero();
    }

    @Test
    void aTranslationOfAnOlderSourceVersionIsOutdated() {
        assertThat(TranslationStatus.of(2, 3, 4)).isEqualTo(TranslationStatus.OUTDATED);
        assertThat(TranslationStatus.of(3, 3, 4)).isEqualTo(TranslationStatus.CURRENT);
        assertThat(TranslationStatus.of(1, null, 2)).isEqualTo(TranslationStatus.OUTDATED);
        assertThat(TranslationStatus.of(2, null, 2)).isEqualTo(TranslationStatus.CURRENT);
    }

    @Test
    void queryTextKeepsWordsOnlyAndExpandsSynonyms() {
        List<List<String>> groups = List.of(List.of("chargeback", "dispute", "rückbuchung"), List.of("credit not processed", "refund"));
        assertThat(QueryText.tsquery("Chargeback & <Klarna>!", groups, false))
                .isEqualTo("(chargeback | dispute | rückbuchung) | klarna");
        assertThat(QueryText.tsquery("refund kla", groups, true))
                .isEqualTo("(refund | credit <-> not <-> processed) | kla:*");
        assertThat(QueryText.tsquery("'); drop table x; --", List.of(), false)).isEqualTo("drop | table | x");
        assertThat(QueryText.tsquery("  !!  ", groups, true)).isEmpty();
    }

    @Test
    void commonWordsAreLeftOutButNeverTheWordBeingTyped() {
        assertThat(QueryText.tsquery("customer card declined", List.of(), false, java.util.Set.of("customer")))
                .isEqualTo("card | declined");
        assertThat(QueryText.tsquery("declined customer", List.of(), true, java.util.Set.of("customer")))
                .isEqualTo("declined | customer:*");
    }

    @Test
    void reciprocalRankFusionRewardsAgreement() {
        // Cormack et al. 2009: score = sum of 1/(60 + rank)
        var fused = ReciprocalRankFusion.fuse(List.of("a", "b", "c"), List.of("b", "c", "d"));
        assertThat(fused.get(0).item()).isEqualTo("b");
        assertThat(fused.get(0).score()).isEqualTo(1.0 / 62 + 1.0 / 61);
        assertThat(fused.stream().map(ReciprocalRankFusion.Fused::item)).containsExactly("b", "c", "a", "d");
    }

    @Test
    void aLighterRankingCountsLessInWeightedFusion() {
        // a first in the half-weight ranking: 0.5/61 < 1/62, so b (first in the full-weight ranking) wins
        var fused = ReciprocalRankFusion.fuse(new double[] {0.5, 1.0}, List.of("a", "x"), List.of("b", "y"));
        assertThat(fused.get(0).item()).isEqualTo("b");
        assertThat(fused.get(1).score()).isEqualTo(1.0 / 62);
    }

    @Test
    void anAnnouncementReachesTheChosenRolesInTheChosenMarkets() {
        var agent = java.util.Set.of(dev.paydesk.platform.Role.AGENT);
        assertThat(Announcements.targets(List.of("AGENT"), List.of("DE"), List.of(), agent, java.util.Set.of("DE"), false, "in-house")).isTrue();
        assertThat(Announcements.targets(List.of("AGENT"), List.of("DE"), List.of(), agent, java.util.Set.of("FR"), false, "in-house")).isFalse();
        assertThat(Announcements.targets(List.of("AGENT"), List.of("DE"), List.of(), agent, java.util.Set.of(), true, "in-house")).isTrue();
        assertThat(Announcements.targets(List.of("SPECIALIST"), List.of(), List.of(), agent, java.util.Set.of("DE"), false, "in-house")).isFalse();
        assertThat(Announcements.targets(List.of(), List.of(), List.of(), agent, java.util.Set.of("PL"), false, "in-house")).isTrue();
        // suppliers: a listed supplier's users only; "in-house" reaches the users of no supplier
        assertThat(Announcements.targets(List.of(), List.of(), List.of("atlas-bpo"), agent, java.util.Set.of("DE"), false, "atlas-bpo")).isTrue();
        assertThat(Announcements.targets(List.of(), List.of(), List.of("atlas-bpo"), agent, java.util.Set.of("DE"), false, "clearline")).isFalse();
        assertThat(Announcements.targets(List.of(), List.of(), List.of("atlas-bpo"), agent, java.util.Set.of("DE"), false, "in-house")).isFalse();
        assertThat(Announcements.targets(List.of(), List.of(), List.of("in-house"), agent, java.util.Set.of("DE"), false, "in-house")).isTrue();
        assertThat(Announcements.targets(List.of("AGENT"), List.of("FR"), List.of("atlas-bpo"), agent, java.util.Set.of("DE"), false, "atlas-bpo")).isFalse();
    }
}
