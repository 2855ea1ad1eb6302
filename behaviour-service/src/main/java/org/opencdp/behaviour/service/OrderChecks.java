package org.opencdp.behaviour.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.behaviour.domain.order.ExchangeRates;
import org.opencdp.behaviour.domain.order.Order;
import org.opencdp.behaviour.domain.order.OrderLine;
import org.opencdp.problem.Problem.FieldError;

/**
 * The rules an order must meet before anything of it is stored. Every violation is reported (not just the first),
 * with the JSON path of the field, so a shop can fix a rejected order in one go.
 */
@ApplicationScoped
public class OrderChecks {

    static final int MAX_LINES = 500;
    static final int MAX_TEXT = 100;
    /** A shop's clock may run a little ahead of ours; an order further in the future is a mistake. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(2);

    @Inject
    Clock clock;

    @ConfigProperty(name = "opencdp.behaviour.reporting-currency")
    String reportingCurrency;

    /** {@code rates} must hold the rates of the order's currency (see {@link CurrencyRates#of}). */
    public List<FieldError> violations(Order order, ExchangeRates rates) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "externalId", order.externalId(), true);
        required(errors, "subjectId", order.subjectId());
        required(errors, "channel", order.channel());
        required(errors, "paymentMethod", order.paymentMethod());
        if (required(errors, "orderedAt", order.orderedAt())
                && order.orderedAt().isAfter(Instant.now(clock).plus(CLOCK_TOLERANCE))) {
            errors.add(new FieldError("orderedAt", "must not lie in the future"));
        }
        if (order.orderedAt() != null) {
            currency(errors, order.currency(), rates, LocalDate.ofInstant(order.orderedAt(), ZoneOffset.UTC), "order");
        } else {
            isoCurrency(errors, order.currency());
        }
        money(errors, "discount", order.discount(), false);
        text(errors, "coupon", order.coupon(), false);
        boolean totalPresent = money(errors, "total", order.total(), true);
        boolean linesComplete = lines(errors, order.lines());
        if (totalPresent && linesComplete && errors.isEmpty()) {
            BigDecimal sum = order.lines().stream()
                    .map(OrderLine::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .subtract(order.discountOrZero());
            if (sum.compareTo(order.total()) != 0) {
                errors.add(new FieldError(
                        "total",
                        "must equal the lines (quantity x unit price - discount) less the order discount: "
                                + sum.toPlainString()));
            }
        }
        return errors;
    }

    /**
     * A cart changed on {@code day}: lines as in an order (without a total to match), in the reporting currency or
     * one with a rate for that day. {@code rates} must hold the rates of the cart's currency.
     */
    public List<FieldError> cartViolations(String currency, List<OrderLine> lines, ExchangeRates rates, LocalDate day) {
        List<FieldError> errors = new ArrayList<>();
        currency(errors, currency, rates, day, "cart");
        lines(errors, lines);
        return errors;
    }

    /** An ISO currency with a rate into the reporting currency for the day (of an order or a cart change). */
    private void currency(List<FieldError> errors, String code, ExchangeRates rates, LocalDate day, String of) {
        if (isoCurrency(errors, code) && rates.on(code, day).isEmpty()) {
            errors.add(new FieldError(
                    "currency",
                    "has no exchange rate into " + reportingCurrency + " for the " + of + " date " + day
                            + "; an admin sets one (PUT /api/v1/exchange-rates/" + code + "/{validFrom})"));
        }
    }

    private boolean lines(List<FieldError> errors, List<OrderLine> lines) {
        if (lines == null || lines.isEmpty()) {
            errors.add(new FieldError("lines", "must hold at least one line"));
            return false;
        }
        if (lines.size() > MAX_LINES) {
            errors.add(new FieldError("lines", "must hold at most " + MAX_LINES + " lines"));
            return false;
        }
        int before = errors.size();
        for (int i = 0; i < lines.size(); i++) {
            String at = "lines[" + i + "]";
            OrderLine line = lines.get(i);
            if (line == null) {
                errors.add(new FieldError(at, "must be a line"));
                continue;
            }
            text(errors, at + ".sku", line.sku(), true);
            text(errors, at + ".category", line.category(), true);
            if (required(errors, at + ".quantity", line.quantity()) && line.quantity() < 1) {
                errors.add(new FieldError(at + ".quantity", "must be at least 1"));
            }
            boolean price = money(errors, at + ".unitPrice", line.unitPrice(), true);
            boolean discount = money(errors, at + ".discount", line.discount(), false);
            if (price
                    && discount
                    && line.quantity() != null
                    && line.quantity() > 0
                    && line.discountOrZero().compareTo(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
                            > 0) {
                errors.add(new FieldError(at + ".discount", "must not exceed quantity x unit price"));
            }
        }
        return errors.size() == before;
    }

    private static boolean isoCurrency(List<FieldError> errors, String code) {
        if (!required(errors, "currency", code)) {
            return false;
        }
        if (!CurrencyRates.isIsoCurrency(code)) {
            errors.add(new FieldError("currency", "must be an ISO 4217 currency code such as EUR"));
            return false;
        }
        return true;
    }

    private static boolean money(List<FieldError> errors, String field, BigDecimal value, boolean needed) {
        if (value == null) {
            if (needed) {
                errors.add(new FieldError(field, "must be present"));
            }
            return !needed;
        }
        if (value.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
            return false;
        }
        if (value.stripTrailingZeros().scale() > 4) {
            errors.add(new FieldError(field, "must have at most 4 decimal places"));
            return false;
        }
        if (value.compareTo(new BigDecimal("1000000000")) >= 0) {
            errors.add(new FieldError(field, "must be less than 1,000,000,000"));
            return false;
        }
        return true;
    }

    private static void text(List<FieldError> errors, String field, String value, boolean needed) {
        if (value == null || value.isBlank()) {
            if (needed) {
                errors.add(new FieldError(field, "must be present"));
            }
        } else if (value.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }

    private static boolean required(List<FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "must be present"));
            return false;
        }
        return true;
    }
}
