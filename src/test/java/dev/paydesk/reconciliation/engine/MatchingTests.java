package dev.paydesk.reconciliation.engine;

import static dev.paydesk.reconciliation.engine.ReconciliationFixtures.of;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.paydesk.reconciliation.FindingType;

/** Key fallbacks in order, tolerances per provider, one-to-many and many-to-one, explanations. */
class MatchingTests {

    @Test
    void keysAreTriedInOrderAndEachMatchSaysWhichRuleHit() {
        ReconciliationFixtures f = new ReconciliationFixtures().order("O1", 1_000).order("O2", 2_000).order("O3", 3_000)
                .order("O4", 4_000, "bank_transfer");
        f.capture("c1", "O1", 1_000, "2026-03-02T10:00:00Z");
        f.refund("r2", "c2", "O2", 2_000, "2026-03-02T10:00:00Z");
        f.capture("c2", "O2", 2_000, "2026-03-01T10:00:00Z");
        f.capture("c3", "O3", 3_000, "2026-03-02T10:00:00Z");
        SettlementLine byProvider = f.line("ADYEN", EntryKind.CAPTURE, "auth-O1", null, "c1", 1_000, "2026-03-03T10:00:00Z");
        SettlementLine byOriginal = f.line("ADYEN", EntryKind.REFUND, "c2", null, null, -2_000, "2026-03-03T10:00:00Z");
        SettlementLine byMerchant = f.line("ADYEN", EntryKind.CAPTURE, null, "O3", null, 3_000, "2026-03-03T10:00:00Z");
        SettlementLine byRemittance = f.line("BANK", EntryKind.BANK_CREDIT, "BT-9", "invoice O4 / thank you", null, 4_000,
                "2026-03-03T10:00:00Z");
        var result = f.run("2026-03-03T12:00:00Z");
        assertThat(byProvider.match().rule()).isEqualTo(MatchRule.PROVIDER_REFERENCE);
        assertThat(byProvider.match().movementRef()).isEqualTo("c1");
        assertThat(byOriginal.match().rule()).isEqualTo(MatchRule.ORIGINAL_REFERENCE);
        assertThat(byOriginal.match().movementRef()).isEqualTo("r2");
        assertThat(byMerchant.match().rule()).isEqualTo(MatchRule.MERCHANT_REFERENCE);
        assertThat(byMerchant.match().movementRef()).isEqualTo("c3");
        assertThat(byRemittance.match().rule()).isEqualTo(MatchRule.REMITTANCE_REFERENCE);
        assertThat(byRemittance.match().orderRef()).isEqualTo("O4");
        assertThat(byProvider.match().explain()).contains("provider reference 'c1'", "difference 0");
        assertThat(result.anomalies()).isEmpty();
    }

    @Test
    void aMerchantReferenceMatchNeedsTheBookingDateWithinTheProvidersDrift() {
        ReconciliationFixtures f = new ReconciliationFixtures().order("O1", 1_000);
        f.capture("c1", "O1", 1_000, "2026-03-02T10:00:00Z");
        SettlementLine late = f.line("ADYEN", EntryKind.CAPTURE, null, "O1", null, 1_000, "2026-03-12T10:00:00Z");
        f.run("2026-03-13T00:00:00Z");
        assertThat(late.match().movementRef()).as("booked to the order, not the capture").isNull();
        f.thresholds = Thresholds.DEFAULTS.withTolerance("ADYEN", new Tolerance(0, 0, 0, 0, 14));
        f.run("2026-03-13T00:00:00Z");
        assertThat(late.match().movementRef()).isEqualTo("c1");
    }

    @Test
    void roundingAndFxTolerancesArePerProvider() {
        ReconciliationFixtures f = new ReconciliationFixtures().order("O1", 10_000);
        f.capture("c1", "O1", 10_000, "2026-03-02T10:00:00Z");
        f.line("ADYEN", EntryKind.CAPTURE, null, null, "c1", 10_030, "2026-03-03T10:00:00Z");
        assertThat(of(f.run("2026-03-04T00:00:00Z"), FindingType.AMOUNT_MISMATCH)).hasSize(1);
        f.thresholds = Thresholds.DEFAULTS.withTolerance("ADYEN", new Tolerance(1, 30, 0, 0, 3));
        assertThat(of(f.run("2026-03-04T00:00:00Z"), FindingType.AMOUNT_MISMATCH)).isEmpty();
        f.thresholds = Thresholds.DEFAULTS.withTolerance("STRIPE", new Tolerance(1, 30, 0, 0, 3));
        assertThat(of(f.run("2026-03-04T00:00:00Z"), FindingType.AMOUNT_MISMATCH)).hasSize(1);
    }

    @Test
    void aNetOnlyLineIsExplainedByFeesWithinTheFeeTolerance() {
        ReconciliationFixtures f = new ReconciliationFixtures().order("O1", 10_000);
        f.movement("KLARNA", EntryKind.CAPTURE, "c1", null, "O1", 10_000, "klarna", "2026-03-02T10:00:00Z");
        f.line("KLARNA", EntryKind.CAPTURE, null, null, "c1", 0, 9_700, 0, "EUR", "2026-03-03T10:00:00Z", "K1");
        assertThat(of(f.run("2026-03-04T00:00:00Z"), FindingType.AMOUNT_MISMATCH)).hasSize(1);
        // 2.9 % + 0.30 EUR allowed
        f.thresholds = Thresholds.DEFAULTS.withTolerance("KLARNA", new Tolerance(0, 0, 290, 30, 3));
        assertThat(of(f.run("2026-03-04T00:00:00Z"), FindingType.AMOUNT_MISMATCH)).isEmpty();
    }

    @Test
    void oneCaptureSettledInTwoLinesIsOneToMany() {
        ReconciliationFixtures f = new ReconciliationFixtures().order("O1", 10_000);
        f.capture("c1", "O1", 10_000, "2026-03-02T10:00:00Z");
        SettlementLine a = f.line("ADYEN", EntryKind.CAPTURE, null, null, "c1", 6_000, "2026-03-03T10:00:00Z");
        SettlementLine b = f.line("ADYEN", EntryKind.CAPTURE, null, null, "c1", 4_000, "2026-03-04T10:00:00Z");
        assertThat(f.run("2026-03-05T00:00:00Z").anomalies()).isEmpty();
        assertThat(a.match().movementRef()).isEqualTo("c1");
        assertThat(b.match().movementRef()).isEqualTo("c1");
    }

    @Test
    void aPayoutBatchIsManyToOne() {
        ReconciliationFixtures f = new ReconciliationFixtures().order("O1", 10_000).order("O2", 5_000);
        f.capture("c1", "O1", 10_000, "2026-03-02T10:00:00Z");
        f.capture("c2", "O2", 5_000, "2026-03-02T10:00:00Z");
        f.line("ADYEN", EntryKind.CAPTURE, null, null, "c1", 10_000, 9_800, 200, "EUR", "2026-03-03T10:00:00Z", "P-7");
        f.line("ADYEN", EntryKind.CAPTURE, null, null, "c2", 5_000, 4_900, 100, "EUR", "2026-03-03T10:00:00Z", "P-7");
        Movement payout = f.movement("ADYEN", EntryKind.PAYOUT, "P-7", null, null, 14_700, null, "2026-03-04T10:00:00Z");
        var result = f.run("2026-03-05T00:00:00Z");
        assertThat(result.anomalies()).isEmpty();
        assertThat(result.batches()).singleElement().satisfies(b -> {
            assertThat(b.matched()).isEqualTo(2);
            assertThat(b.feesMinor()).isEqualTo(300);
            assertThat(b.payoutReconciled()).isTrue();
        });
        assertThat(result.matchesByRule()).containsEntry(MatchRule.PAYOUT_BATCH, 1);
        f.movements.remove(payout);
        f.movement("ADYEN", EntryKind.PAYOUT, "P-7", null, null, 14_000, null, "2026-03-04T10:00:00Z");
        assertThat(of(f.run("2026-03-05T00:00:00Z"), FindingType.AMOUNT_MISMATCH)).singleElement()
                .satisfies(a -> assertThat(a.amountMinor()).isEqualTo(700));
    }
}
