package org.opencdp.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An aggregate report: named columns and rows. Every row counts the customers behind it; a row resting on fewer
 * than {@code minCustomers} customers is suppressed (its figures null, {@code suppressed} true), so that no report
 * singles out a person. The columns named in {@code keys} (month, category, ...) stay visible.
 */
public record Report(String name, int minCustomers, List<String> columns, List<Map<String, Object>> rows) {

    public static final String CUSTOMERS = "customers";
    public static final String SUPPRESSED = "suppressed";

    /** Builds a report from raw rows (each with a {@value #CUSTOMERS} column), suppressing the small ones. */
    public static Report of(String name, int minCustomers, List<String> keys, List<Map<String, Object>> raw) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (Map<String, Object> row : raw) {
            if (columns.isEmpty()) {
                columns.addAll(row.keySet());
                columns.add(SUPPRESSED);
            }
            long customers = ((Number) row.get(CUSTOMERS)).longValue();
            boolean suppressed = customers < minCustomers;
            Map<String, Object> shown = new LinkedHashMap<>();
            row.forEach((column, value) -> shown.put(column, suppressed && !keys.contains(column) ? null : value));
            shown.put(SUPPRESSED, suppressed);
            rows.add(Collections.unmodifiableMap(shown));
        }
        return new Report(name, minCustomers, List.copyOf(columns), List.copyOf(rows));
    }

    /** RFC 4180 CSV with a header line; suppressed figures are empty fields. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append("\r\n");
        for (Map<String, Object> row : rows) {
            List<String> fields = new ArrayList<>();
            for (String column : columns) {
                fields.add(field(row.get(column)));
            }
            csv.append(String.join(",", fields)).append("\r\n");
        }
        return csv.toString();
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
