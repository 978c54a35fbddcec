package dev.paydesk.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.paydesk.insights.Kpi;
import dev.paydesk.shared.Money;

/** The supplier KPI formulas on hand-worked and published numbers (no Spring). */
class SupplierMeasuresTests {

    private static SupplierMeasures.Day day(long offered, long answered, long abandoned, long within, long handle, long wait,
                                            String agentSeconds, long staffedHandle, long staffedAnswered) {
        return new SupplierMeasures.Day(offered > 0 ? 1 : 0, answered > 0 ? 1 : 0, agentSeconds == null ? 0 : 1, offered,
                answered, abandoned, within, handle, wait, agentSeconds == null ? BigDecimal.ZERO : new BigDecimal(agentSeconds),
                staffedHandle, staffedAnswered);
    }

    @Test
    void serviceLevelIsAnsweredWithinTheThresholdOverOffered() {
        // Contact Centre Helper, "How to Calculate Contact Centre Service Level" (J. Pearce,
        // https://www.contactcentrehelper.com/?p=71275): 136 calls answered within the threshold of 170 offered = 80 %
        SupplierMeasures m = new SupplierMeasures();
        m.add(day(170, 150, 20, 136, 0, 0, null, 0, 0), null);
        assertThat(m.result(Kpi.SUPPLIER_SERVICE_LEVEL).value()).isCloseTo(0.80, offset(1e-12));
        assertThat(m.result(Kpi.SUPPLIER_ABANDON_RATE).value()).isCloseTo(20 / 170.0, offset(1e-12));
    }

    @Test
    void averageSpeedOfAnswerIsTotalWaitOverAnsweredAndHandleTimeLikewise() {
        // Global Bilgi, "Average Speed of Answer (ASA) and Service Level (SL)" (blog.globalbilgi.com.ua): 100 calls
        // answered after 5,000 seconds of waiting in total give an ASA of 50 seconds
        SupplierMeasures m = new SupplierMeasures();
        m.add(day(100, 100, 0, 60, 30_000, 5_000, null, 0, 0), null);
        assertThat(m.result(Kpi.SUPPLIER_ASA_SECONDS).value()).isEqualTo(50.0);
        assertThat(m.result(Kpi.SUPPLIER_AHT_SECONDS).value()).isEqualTo(300.0);
        assertThat(m.result(Kpi.SUPPLIER_ASA_SECONDS).sample()).isEqualTo(1);
    }

    @Test
    void occupancyAndCostPerContactUseTheStaffedIntervalsOnly() {
        SupplierMeasures m = new SupplierMeasures();
        // 1.5 agents for 30 minutes = 2,700 agent-seconds, 1,350 s handled: occupancy 50 %; at 28.50 EUR per agent hour
        // the interval costs 2,700 x 2,850 / 3,600 = 2,137.5 cents for 10 contacts = 213.75 -> 214 cents (half-even)
        m.add(day(12, 10, 2, 8, 1_350, 100, "2700.00", 1_350, 10), Money.of(2850, "EUR"));
        // an interval without agents staffed counts for SL but not for occupancy or cost
        m.add(day(5, 5, 0, 5, 900, 10, null, 0, 0), Money.of(2850, "EUR"));
        assertThat(m.result(Kpi.SUPPLIER_OCCUPANCY).value()).isEqualTo(0.5);
        assertThat(m.result(Kpi.SUPPLIER_OCCUPANCY).sample()).isEqualTo(1);
        assertThat(m.result(Kpi.SUPPLIER_COST_PER_CONTACT).value()).isEqualTo(214.0);
        assertThat(m.currency(Kpi.SUPPLIER_COST_PER_CONTACT)).isEqualTo("EUR");
        assertThat(m.result(Kpi.SUPPLIER_SERVICE_LEVEL).sample()).isEqualTo(2);
    }

    @Test
    void costAcrossCurrenciesIsNoFigureButANote() {
        SupplierMeasures m = new SupplierMeasures();
        m.add(day(10, 10, 0, 10, 600, 0, "1800.00", 600, 10), Money.of(2850, "EUR"));
        m.add(day(10, 10, 0, 10, 600, 0, "1800.00", 600, 10), Money.of(3100, "USD"));
        assertThat(m.result(Kpi.SUPPLIER_COST_PER_CONTACT).value()).isNull();
        assertThat(m.currency(Kpi.SUPPLIER_COST_PER_CONTACT)).isNull();
        assertThat(m.note(Kpi.SUPPLIER_COST_PER_CONTACT)).contains("EUR").contains("USD");
    }

    @Test
    void wapeIsTheAbsoluteErrorOverTheActualsOfAllQueueDays() {
        SupplierMeasures m = new SupplierMeasures();
        m.addAccuracy(100, 10);   // 10 % on a day with 100 contacts
        m.addAccuracy(300, 60);   // 20 % on a day with 300 contacts
        assertThat(m.result(Kpi.FORECAST_WAPE).value()).isCloseTo(70 / 400.0, offset(1e-12));
        assertThat(m.result(Kpi.FORECAST_WAPE).sample()).isEqualTo(2);
        assertThat(new SupplierMeasures().result(Kpi.SUPPLIER_SERVICE_LEVEL).value()).isNull();
    }
}
