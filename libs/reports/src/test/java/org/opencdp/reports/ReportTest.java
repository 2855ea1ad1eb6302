package org.opencdp.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReportTest {

    private static Map<String, Object> row(String month, long revenue, long customers) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("month", month);
        row.put("revenue", revenue);
        row.put(Report.CUSTOMERS, customers);
        return row;
    }

    @Test
    void aRowWithFewerCustomersThanTheMinimumShowsOnlyItsKeys() {
        Report report = Report.of(
                "revenue-per-month", 5, List.of("month"), List.of(row("2026-10", 900, 5), row("2026-11", 120, 4)));

        assertThat(report.columns()).containsExactly("month", "revenue", "customers", "suppressed");
        assertThat(report.rows().get(0)).containsEntry("revenue", 900L).containsEntry("suppressed", false);
        assertThat(report.rows().get(1))
                .containsEntry("month", "2026-11")
                .containsEntry("revenue", null)
                .containsEntry("customers", null)
                .containsEntry("suppressed", true);
    }

    @Test
    void csvLeavesSuppressedFiguresEmptyAndQuotesWhatNeedsIt() {
        Map<String, Object> quoted = row("a,b", 1, 9);
        Report report = Report.of("r", 5, List.of("month"), List.of(quoted, row("2026-11", 120, 1)));

        assertThat(report.toCsv())
                .isEqualTo("month,revenue,customers,suppressed\r\n\"a,b\",1,9,false\r\n2026-11,,,true\r\n");
    }

    @Test
    void anEmptyReportHasNoColumns() {
        assertThat(Report.of("r", 5, List.of("month"), List.of()).rows()).isEmpty();
    }
}
