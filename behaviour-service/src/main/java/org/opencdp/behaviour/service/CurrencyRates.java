package org.opencdp.behaviour.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.behaviour.domain.order.ExchangeRate;
import org.opencdp.behaviour.domain.order.ExchangeRates;
import org.opencdp.behaviour.domain.order.Recount;
import org.opencdp.behaviour.repository.ExchangeRateRepository;
import org.opencdp.problem.Problem.FieldError;
import org.opencdp.problem.ProblemException;

/**
 * The dated exchange rates into the reporting currency that admins maintain. Orders stay in their own currency and
 * count in KPIs, segments and reports at the rate of their order date; setting or correcting a rate recounts the
 * orders it applies to.
 */
@ApplicationScoped
public class CurrencyRates {

    /** numeric(20, 10): up to 10 digits before and 10 after the point. */
    static final int MAX_SCALE = 10;

    static final BigDecimal UPPER_BOUND = new BigDecimal("10000000000");

    @Inject
    ExchangeRateRepository rates;

    @Inject
    Clock clock;

    @ConfigProperty(name = "opencdp.behaviour.reporting-currency")
    String reportingCurrency;

    public String reportingCurrency() {
        return reportingCurrency;
    }

    public List<ExchangeRate> all() {
        return rates.all();
    }

    /**
     * The rates of these currencies, to look up many orders at once. They stay as read until the caller's transaction
     * ends: a correction of one of them waits for it, and then recounts what it stored (see
     * {@link ExchangeRateRepository#lockForReading}). Call it before anything else that takes locks in the
     * transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ExchangeRates of(Collection<String> currencies) {
        List<String> foreign = currencies.stream()
                .filter(c -> c != null && !c.equals(reportingCurrency))
                .distinct()
                .toList();
        rates.lockForReading(foreign);
        return new ExchangeRates(reportingCurrency, rates.of(foreign));
    }

    /**
     * Sets or corrects a rate; returns how many orders and carts now count at it. 400 for a bad currency or rate.
     */
    @Transactional
    public Recount put(String currency, LocalDate validFrom, BigDecimal rate) {
        List<FieldError> errors = new ArrayList<>();
        if (!isIsoCurrency(currency)) {
            errors.add(new FieldError("currency", "must be an ISO 4217 currency code such as CHF"));
        } else if (currency.equals(reportingCurrency)) {
            errors.add(new FieldError("currency", "is the reporting currency, whose rate is always 1"));
        }
        if (rate == null) {
            errors.add(new FieldError("rate", "must be present"));
        } else if (rate.signum() <= 0 || rate.compareTo(UPPER_BOUND) >= 0) {
            errors.add(new FieldError("rate", "must be above 0 and below 10,000,000,000"));
        } else if (rate.stripTrailingZeros().scale() > MAX_SCALE) {
            errors.add(new FieldError("rate", "must have at most " + MAX_SCALE + " decimal places"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return rates.put(new ExchangeRate(currency, validFrom, rate), clock.instant());
    }

    static boolean isIsoCurrency(String code) {
        if (code == null) {
            return false;
        }
        try {
            return code.equals(Currency.getInstance(code).getCurrencyCode());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
