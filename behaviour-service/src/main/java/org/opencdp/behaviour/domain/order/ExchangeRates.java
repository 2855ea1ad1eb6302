package org.opencdp.behaviour.domain.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dated rates of some currencies into the reporting currency, for looking up many orders at once: a rate holds
 * from its day until the next rate of the same currency; the reporting currency is 1.
 */
public final class ExchangeRates {

    private final String reportingCurrency;
    private final Map<String, TreeMap<LocalDate, BigDecimal>> byCurrency = new HashMap<>();

    public ExchangeRates(String reportingCurrency, Collection<ExchangeRate> rates) {
        this.reportingCurrency = reportingCurrency;
        for (ExchangeRate rate : rates) {
            byCurrency.computeIfAbsent(rate.currency(), c -> new TreeMap<>()).put(rate.validFrom(), rate.rate());
        }
    }

    /** The rate on the day, empty when the currency has no rate from that day or before. */
    public Optional<BigDecimal> on(String currency, LocalDate day) {
        if (reportingCurrency.equals(currency)) {
            return Optional.of(BigDecimal.ONE);
        }
        TreeMap<LocalDate, BigDecimal> rates = byCurrency.get(currency);
        return Optional.ofNullable(rates == null ? null : rates.floorEntry(day)).map(Map.Entry::getValue);
    }
}
