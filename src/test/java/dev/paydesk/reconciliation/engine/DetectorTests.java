package dev.paydesk.reconciliation.engine;

import static dev.paydesk.reconciliation.engine.ReconciliationFixtures.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.paydesk.platform.BusinessCalendar;
import dev.paydesk.platform.OpeningHours;
import dev.paydesk.reconciliation.FindingType;

/** Each detector on a clean order with one thing broken, and the same order left clean. */
class DetectorTests {

    private static final String DAY0 = "2026-03-02T10:00:00Z";

    /** A card order paid, captured and settled in full: nothing to find. */
    private static ReconciliationFixtures paidOrder(String order, long due) {
        ReconciliationFixtures f = new ReconciliationFixtures();
        f.order(order, due);
        f.capture("cap-" + order, order, due, DAY0);
        f.line("ADYEN", EntryKind.CAPTURE, "auth-" + order, order, "cap-" + order, due, "2026-03-03T10:00:00Z");
        return f;
    }

    @Test
    void aNegativeAmountDueFailsNoDetector() {
        // issue 21 #3: an order due -5.00 without captures made CapturedMoreThanDue read captures.get(-1)
        ReconciliationFixtures f = paidOrder("O-OK", 10_000);
        f.order("O-NEG", -500);
        ReconciliationEngine.Result result = f.run("2026-03-20T00:00:00Z");
        assertThat(of(result, FindingType.CAPTURED_MORE_THAN_DUE)).isEmpty();
        assertThat(of(result, FindingType.UNCHECKED_RECORD)).isEmpty();
    }

    @Test
    void aDetectorFailingOnOneOrderBecomesAFindingAndTheRunGoesOn() {
        ReconciliationFixtures f = new ReconciliationFixtures();
        f.order("O-ODD", 1_000);
        f.capture("cap-odd", "O-ODD", 2_000, DAY0);
        f.order("O-TWICE", 1_000);
        f.capture("cap-t1", "O-TWICE", 1_000, DAY0);
        f.capture("cap-t2", "O-TWICE", 1_000, "2026-03-02T10:05:00Z");
        OrderRule breaksOnOdd = (order, context, out) -> {
            if (order.file.ref.equals("O-ODD")) {
                out.add(null); // a half-written result is dropped with the failure
                throw new IndexOutOfBoundsException("Index -1 out of bounds for length 0");
            }
        };
        List<OrderRule> rules = new java.util.ArrayList<>(ReconciliationEngine.RULES);
        rules.add(0, breaksOnOdd);
        ReconciliationEngine.Result result = new ReconciliationEngine(f.thresholds, f.businessDays, rules)
                .run(new ReconciliationEngine.Input(f.orders, f.movements, f.requests, f.lines),
                        ReconciliationFixtures.at("2026-03-20T00:00:00Z"));
        assertThat(result.anomalies()).doesNotContainNull();
        assertThat(of(result, FindingType.UNCHECKED_RECORD)).isNotEmpty().allSatisfy(a -> {
            assertThat(a.scope()).isEqualTo("order:O-ODD");
            assertThat(a.summary()).contains("check failed on order O-ODD");
        });
        assertThat(of(result, FindingType.DUPLICATE_CAPTURE)).singleElement()
                .satisfies(a -> assertThat(a.orderRef()).isEqualTo("O-TWICE"));
    }

    @Test
    void aCleanOrderHasNoFindings() {
        assertThat(paidOrder("O1", 10_000).run("2026-03-20T00:00:00Z").anomalies()).isEmpty();
    }

    @Test
    void aRefundTheProviderFailedIsAFailedRefundUntilARetrySucceeds() {
        ReconciliationFixtures f = paidOrder("O1", 10_000);
        f.refund("ref-1", "cap-O1", "O1", 4_000, "2026-03-04T10:00:00Z");
        f.movement("ADYEN", EntryKind.REFUND_FAILED, "ref-1", "cap-O1", "O1", 4_000, "card", "2026-03-05T10:00:00Z");
        var failed = of(f.run("2026-03-06T00:00:00Z"), FindingType.FAILED_REFUND);
        assertThat(failed).singleElement().satisfies(a -> {
            assertThat(a.amountMinor()).isEqualTo(4_000);
            assertThat(a.key()).isEqualTo("FAILED_REFUND:O1:refund:ref-1");
            assertThat(a.evidence()).contains("movement:ref-1");
        });
        f.refund("ref-2", "cap-O1", "O1", 4_000, "2026-03-06T10:00:00Z");
        assertThat(of(f.run("2026-03-07T00:00:00Z"), FindingType.FAILED_REFUND)).isEmpty();
    }

    @Test
    void aReversedRefundLineFailsTheRefundItNames() {
        ReconciliationFixtures f = paidOrder("O1", 10_000);
        f.line("ADYEN", EntryKind.REFUND, "auth-O1", "O1", "ref-9", -2_500, "2026-03-04T10:00:00Z");
        f.line("ADYEN", EntryKind.REFUND_REVERSED, "auth-O1", "O1", "ref-9", 2_500, "2026-03-06T10:00:00Z");
        assertThat(of(f.run("2026-03-07T00:00:00Z"), FindingType.FAILED_REFUND)).singleElement()
                .satisfies(a -> assertThat(a.paymentRef()).isEqualTo("ref-9"));
    }

    @Test
    void aRequestedRefundNotSettledWithinTheBusinessDaysIsAFailedRefund() {
        ReconciliationFixtures f = paidOrder("O1", 10_000);
        f.thresholds = Thresholds.DEFAULTS.withRefundSettlementBusinessDays(2);
        f.request("RR-1", "O1", 3_000, "2026-03-05T09:00:00Z"); // Thursday
        // Friday and Monday are two business days: not yet late; Tuesday is the third
        assertThat(of(f.run("2026-03-09T12:00:00Z"), FindingType.FAILED_REFUND)).isEmpty();
        assertThat(of(f.run("2026-03-10T12:00:00Z"), FindingType.FAILED_REFUND)).singleElement()
                .satisfies(a -> {
                    assertThat(a.key()).isEqualTo("FAILED_REFUND:O1:request:RR-1");
                    assertThat(a.amountMinor()).isEqualTo(3_000);
                });
    }

    @Test
    void businessDaysAreCountedOnTheMarketCalendarAcrossEaster() {
        // Good Friday 3 April and Easter Monday 6 April 2026 are public holidays in Germany
        var easter = new TreeMap<LocalDate, String>(Map.of(LocalDate.of(2026, 4, 3), "Good Friday",
                LocalDate.of(2026, 4, 6), "Easter Monday"));
        BusinessCalendar germany = new BusinessCalendar(ZoneId.of("Europe/Berlin"), Arrays.stream(DayOfWeek.values())
                .filter(d -> d.getValue() <= 5).map(d -> new OpeningHours(d, LocalTime.of(9, 0), LocalTime.of(17, 0)))
                .toList(), year -> easter);
        ReconciliationFixtures f = paidOrder("O1", 10_000);
        f.thresholds = Thresholds.DEFAULTS.withRefundSettlementBusinessDays(2);
        f.request("RR-1", "O1", 3_000, "2026-04-02T09:00:00Z"); // Thursday before Easter
        f.businessDays = new CalendarBusinessDays(m -> germany);
        // Tuesday 7 April is the first business day after the request, Wednesday the second
        assertThat(of(f.run("2026-04-08T12:00:00Z"), FindingType.FAILED_REFUND)).isEmpty();
        assertThat(of(f.run("2026-04-09T12:00:00Z"), FindingType.FAILED_REFUND)).hasSize(1);
        // without the holidays Friday, Monday and Tuesday would already make it late on Tuesday
        f.businessDays = BusinessDays.WEEKDAYS_UTC;
        assertThat(of(f.run("2026-04-07T12:00:00Z"), FindingType.FAILED_REFUND)).hasSize(1);
    }

    @Test
    void aRequestSettledBySplitRefundsIsNotAFinding() {
        ReconciliationFixtures f = paidOrder("O1", 10_000);
        f.request("RR-1", "O1", 5_000, "2026-03-04T09:00:00Z");
        f.line("ADYEN", EntryKind.REFUND, "auth-O1", "O1", "r-a", -3_000, "2026-03-05T10:00:00Z");
        f.line("ADYEN", EntryKind.REFUND, "auth-O1", "O1", "r-b", -2_000, "2026-03-05T11:00:00Z");
        assertThat(f.run("2026-03-30T00:00:00Z").anomalies()).isEmpty();
    }

    @Test
    void twoEqualCapturesWithinTheWindowAreADuplicateCapture() {
        ReconciliationFixtures f = paidOrder("O1", 10_000);
        f.capture("cap-dup", "O1", 10_000, "2026-03-02T10:05:00Z");
        f.line("ADYEN", EntryKind.CAPTURE, "auth-O1", "O1", "cap-dup", 10_000, "2026-03-03T10:00:00Z");
        var result = f.run("2026-03-10T00:00:00Z");
        assertThat(of(result, FindingType.DUPLICATE_CAPTURE)).singleElement().satisfies(a -> {
            assertThat(a.amountMinor()).isEqualTo(10_000);
            assertThat(a.paymentRef()).isEqualTo("cap-dup");
        });
        assertThat(of(result, FindingType.CAPTURED_MORE_THAN_DUE)).isEmpty();
        f.thresholds = Thresholds.DEFAULTS.withDuplicateCaptureWindow(Duration.ofMinutes(1));
        var outsideWindow = f.run("2026-03-10T00:00:00Z");
        assertThat(of(outsideWindow, FindingType.DUPLICATE_CAPTURE)).isEmpty();
        assertThat(of(outsideWindow, FindingType.CAPTURED_MORE_THAN_DUE)).hasSize(1);
    }

    @Test
    void partialCapturesAndARefundedDuplicateAreNotDuplicates() {
        ReconciliationFixtures f = new ReconciliationFixtures();
        f.order("O1", 10_000);
        f.capture("c1", "O1", 5_000, DAY0);
        f.capture("c2", "O1", 5_000, "2026-03-02T11:00:00Z");
        f.line("ADYEN", EntryKind.CAPTURE, "auth-O1", "O1", "c1", 5_000, "2026-03-03T10:00:00Z");
        f.line("ADYEN", EntryKind.CAPTURE, "auth-O1", "O1", "c2", 5_000, "2026-03-03T10:00:00Z");
        assertThat(f.run("2026-03-10T00:00:00Z").anomalies()).isEmpty();

        ReconciliationFixtures g = paidOrder("O2", 10_000);
        g.capture("cap-dup", "O2", 10_000, "2026-03-02T10:05:00Z");
        g.line("ADYEN", EntryKind.CAPTURE, "auth-O2", "O2", "cap-dup", 10_000, "2026-03-03T10:00:00Z");
        g.line("ADYEN", EntryKind.REFUND, "auth-O2", "O2", "ref-dup", -10_000, "2026-03-04T10:00:00Z");
        assertThat(g.run("2026-03-10T00:00:00Z").anomalies()).isEmpty();
    }

    @Test
    void paidByCardAndByBankTransferIsPaidTwice() {
        ReconciliationFixtures f = paidOrder("O1", 10_000);
        f.line("BANK", EntryKind.BANK_CREDIT, "BT-1", "Payment for O1 thanks", null, 10_000, "2026-03-04T10:00:00Z");
        var result = f.run("2026-03-10T00:00:00Z");
        assertThat(of(result, FindingType.PAID_TWICE)).singleElement()
                .satisfies(a -> assertThat(a.amountMinor()).isEqualTo(10_000));
        assertThat(result.anomalies()).hasSize(1);
    }

    @Test
    void bankTransfersAboveAndBelowTheAmountDue() {
        ReconciliationFixtures over = new ReconciliationFixtures().order("B1", 10_000, "bank_transfer");
        over.line("BANK", EntryKind.BANK_CREDIT, "BT-1", "RF B1", null, 12_000, DAY0);
        assertThat(of(over.run("2026-03-10T00:00:00Z"), FindingType.BANK_TRANSFER_ABOVE_DUE)).singleElement()
                .satisfies(a -> assertThat(a.amountMinor()).isEqualTo(2_000));

        ReconciliationFixtures under = new ReconciliationFixtures().order("B2", 10_000, "bank_transfer");
        under.line("BANK", EntryKind.BANK_CREDIT, "BT-2", "RF B2", null, 9_000, DAY0);
        assertThat(of(under.run("2026-03-10T00:00:00Z"), FindingType.UNDERPAYMENT)).singleElement()
                .satisfies(a -> assertThat(a.amountMinor()).isEqualTo(1_000));
        under.line("BANK", EntryKind.BANK_CREDIT, "BT-3", "rest of B2", null, 1_000, "2026-03-05T10:00:00Z");
        assertThat(under.run("2026-03-10T00:00:00Z").anomalies()).isEmpty();
    }

    @Test
    void capturedMoreThanDueRespectsTheBalanceTolerance() {
        ReconciliationFixtures f = new ReconciliationFixtures().order("O1", 10_000);
        f.capture("c1", "O1", 10_050, DAY0);
        f.line("ADYEN", EntryKind.CAPTURE, "auth-O1", "O1", "c1", 10_050, "2026-03-03T10:00:00Z");
        assertThat(of(f.run("2026-03-10T00:00:00Z"), FindingType.CAPTURED_MORE_THAN_DUE)).singleElement()
                .satisfies(a -> assertThat(a.amountMinor()).isEqualTo(50));
        f.thresholds = Thresholds.DEFAULTS.withBalanceTolerance(50);
        assertThat(f.run("2026-03-10T00:00:00Z").anomalies()).isEmpty();
    }

    @Test
    void aCaptureWithoutSettlementAfterTheThresholdIsMissing() {
        ReconciliationFixtures f = paidOrder("O1", 10_000);
        f.order("O2", 5_000);
        f.capture("c2", "O2", 5_000, DAY0);
        assertThat(of(f.run("2026-03-04T12:00:00Z"), FindingType.MISSING_SETTLEMENT)).isEmpty();
        assertThat(of(f.run("2026-03-05T12:00:00Z"), FindingType.MISSING_SETTLEMENT)).singleElement()
                .satisfies(a -> assertThat(a.key()).isEqualTo("MISSING_SETTLEMENT:O2:c2"));
        f.thresholds = Thresholds.DEFAULTS.withMissingSettlementDays(10);
        assertThat(of(f.run("2026-03-05T12:00:00Z"), FindingType.MISSING_SETTLEMENT)).isEmpty();
    }

    @Test
    void aProviderWithoutSettlementReportsIsNotJudgedForMissingSettlements() {
        ReconciliationFixtures f = new ReconciliationFixtures().order("O1", 5_000);
        f.movement("STRIPE", EntryKind.CAPTURE, "ch_1", null, "O1", 5_000, "card", DAY0);
        assertThat(f.run("2026-04-01T00:00:00Z").anomalies()).isEmpty();
    }

    @Test
    void aLineThatMatchesNothingIsUnmatched() {
        ReconciliationFixtures f = paidOrder("O1", 10_000);
        f.line("ADYEN", EntryKind.CAPTURE, "psp-x", "NOPE", "mod-x", 777, "2026-03-03T10:00:00Z");
        assertThat(of(f.run("2026-03-10T00:00:00Z"), FindingType.UNMATCHED_SETTLEMENT)).singleElement()
                .satisfies(a -> assertThat(a.amountMinor()).isEqualTo(777));
    }

    @Test
    void amountAndCurrencyMismatches() {
        ReconciliationFixtures f = new ReconciliationFixtures().order("O1", 10_000).order("O2", 10_000);
        f.capture("c1", "O1", 10_000, DAY0);
        f.capture("c2", "O2", 10_000, DAY0);
        f.line("ADYEN", EntryKind.CAPTURE, "auth-O1", "O1", "c1", 9_000, "2026-03-03T10:00:00Z");
        f.line("ADYEN", EntryKind.CAPTURE, "auth-O2", "O2", "c2", 10_000, 10_000, 0, "SEK", "2026-03-03T10:00:00Z", "B1");
        var result = f.run("2026-03-10T00:00:00Z");
        assertThat(of(result, FindingType.AMOUNT_MISMATCH)).singleElement().satisfies(a -> {
            assertThat(a.amountMinor()).isEqualTo(1_000);
            assertThat(a.orderRef()).isEqualTo("O1");
            assertThat(a.market()).isEqualTo("DE");
        });
        assertThat(of(result, FindingType.CURRENCY_MISMATCH)).singleElement()
                .satisfies(a -> assertThat(a.orderRef()).isEqualTo("O2"));
    }

    @Test
    void refundAndLostChargebackAboveTheCaptureIsADoubleLoss() {
        ReconciliationFixtures f = paidOrder("O1", 10_000);
        f.line("ADYEN", EntryKind.REFUND, "auth-O1", "O1", "r1", -10_000, "2026-03-04T10:00:00Z");
        f.line("ADYEN", EntryKind.DISPUTE, "auth-O1", "O1", "d1", 0, "2026-03-10T10:00:00Z");
        SettlementLine chargeback = f.line("ADYEN", EntryKind.CHARGEBACK, "auth-O1", "O1", "cb1", -10_000,
                "2026-03-12T10:00:00Z");
        var result = f.run("2026-03-20T00:00:00Z");
        assertThat(of(result, FindingType.DOUBLE_LOSS)).singleElement()
                .satisfies(a -> assertThat(a.amountMinor()).isEqualTo(10_000));
        assertThat(of(result, FindingType.REFUND_DURING_DISPUTE)).isEmpty();
        assertThat(chargeback.match()).isNotNull();
        f.line("ADYEN", EntryKind.CHARGEBACK_REVERSED, "auth-O1", "O1", "cbr1", 10_000, "2026-03-15T10:00:00Z");
        assertThat(f.run("2026-03-20T00:00:00Z").anomalies()).isEmpty();
    }

    @Test
    void aRefundWhileADisputeIsOpen() {
        ReconciliationFixtures f = paidOrder("O1", 10_000);
        f.line("ADYEN", EntryKind.DISPUTE, "auth-O1", "O1", "d1", 0, "2026-03-04T10:00:00Z");
        f.line("ADYEN", EntryKind.REFUND, "auth-O1", "O1", "r1", -10_000, "2026-03-05T10:00:00Z");
        assertThat(of(f.run("2026-03-20T00:00:00Z"), FindingType.REFUND_DURING_DISPUTE)).singleElement()
                .satisfies(a -> assertThat(a.evidence()).hasSize(2));

        ReconciliationFixtures before = paidOrder("O2", 10_000);
        before.line("ADYEN", EntryKind.REFUND, "auth-O2", "O2", "r1", -10_000, "2026-03-03T10:00:00Z");
        before.line("ADYEN", EntryKind.DISPUTE, "auth-O2", "O2", "d1", 0, "2026-03-04T10:00:00Z");
        assertThat(before.run("2026-03-20T00:00:00Z").anomalies()).isEmpty();
    }
}
