package org.opencdp.behaviour.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.behaviour.domain.order.ExchangeRate;

/** The dated exchange rates, and the rate each order in another currency is counted at. */
@ApplicationScoped
public class ExchangeRateRepository {

    @Inject
    DataSource dataSource;

    /** Every rate of these currencies (one query, for a bulk import). */
    public List<ExchangeRate> of(Collection<String> currencies) {
        if (currencies.isEmpty()) {
            return List.of();
        }
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT currency, valid_from, rate FROM exchange_rate WHERE currency = ANY(?)")) {
                s.setArray(1, c.createArrayOf("bpchar", currencies.toArray()));
                return read(s);
            }
        });
    }

    public List<ExchangeRate> all() {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT currency, valid_from, rate FROM exchange_rate ORDER BY currency, valid_from")) {
                return read(s);
            }
        });
    }

    /**
     * Sets (or corrects) a rate and counts the currency's orders from its day on at the rate now in force for their
     * date; returns how many orders that touched.
     */
    public int put(ExchangeRate rate, Instant at) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO exchange_rate (currency, valid_from, rate,"
                    + " set_at) VALUES (?, ?, ?, ?) ON CONFLICT (currency, valid_from)"
                    + " DO UPDATE SET rate = excluded.rate, set_at = excluded.set_at")) {
                s.setString(1, rate.currency());
                s.setObject(2, rate.validFrom());
                s.setBigDecimal(3, rate.rate());
                s.setTimestamp(4, Timestamp.from(at));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE customer_order o SET reporting_rate ="
                    + " (SELECT r.rate FROM exchange_rate r WHERE r.currency = o.currency"
                    + "   AND r.valid_from <= (o.ordered_at AT TIME ZONE 'UTC')::date"
                    + "   ORDER BY r.valid_from DESC LIMIT 1)"
                    + " WHERE o.currency = ? AND (o.ordered_at AT TIME ZONE 'UTC')::date >= ?")) {
                s.setString(1, rate.currency());
                s.setObject(2, rate.validFrom());
                return s.executeUpdate();
            }
        });
    }

    private static List<ExchangeRate> read(PreparedStatement s) throws java.sql.SQLException {
        List<ExchangeRate> rates = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rates.add(new ExchangeRate(
                        rs.getString("currency"),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getBigDecimal("rate").stripTrailingZeros()));
            }
        }
        return rates;
    }
}
