package org.opencdp.behaviour.domain.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CDNOW sample in test resources (see cdnow/README.md), prepared as in the published BG/NBD fit: a 39-week
 * calibration period ending 1997-09-30 and a 39-week holdout period ending 1998-06-30.
 */
final class CdnowSample {

    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);
    static final double HOLDOUT_WEEKS = PurchaseSummary.weeksBetween(CALIBRATION_END, HOLDOUT_END);

    /**
     * One customer: the calibration-period summary, and the transactions (distinct purchase days) and their value in
     * the holdout period.
     */
    record Customer(String id, PurchaseSummary calibration, int holdoutTransactions, double holdoutSpend) {}

    private static final List<Customer> CUSTOMERS = load();

    private CdnowSample() {}

    static List<Customer> customers() {
        return CUSTOMERS;
    }

    static List<PurchaseSummary> calibration() {
        return CUSTOMERS.stream().map(Customer::calibration).toList();
    }

    static double holdoutRevenue() {
        return CUSTOMERS.stream().mapToDouble(Customer::holdoutSpend).sum();
    }

    private static List<Customer> load() {
        Map<String, List<PurchaseSummary.Purchase>> purchases = new LinkedHashMap<>();
        DateTimeFormatter day = DateTimeFormatter.BASIC_ISO_DATE;
        try (var in = CdnowSample.class.getResourceAsStream("/cdnow/cdnow_sample.txt");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] columns = line.trim().split("\\s+");
                purchases
                        .computeIfAbsent(columns[1], id -> new ArrayList<>())
                        .add(new PurchaseSummary.Purchase(
                                LocalDate.parse(columns[2], day), Double.parseDouble(columns[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Customer> customers = new ArrayList<>();
        purchases.forEach((id, list) -> {
            List<PurchaseSummary.Purchase> holdout = list.stream()
                    .filter(p -> p.day().isAfter(CALIBRATION_END) && !p.day().isAfter(HOLDOUT_END))
                    .toList();
            customers.add(new Customer(
                    id,
                    PurchaseSummary.of(list, CALIBRATION_END),
                    (int) holdout.stream()
                            .map(PurchaseSummary.Purchase::day)
                            .distinct()
                            .count(),
                    holdout.stream()
                            .mapToDouble(PurchaseSummary.Purchase::amount)
                            .sum()));
        });
        return List.copyOf(customers);
    }
}
