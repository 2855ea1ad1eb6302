package org.opencdp.behaviour.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.behaviour.domain.order.ExchangeRate;
import org.opencdp.behaviour.domain.order.Recount;
import org.opencdp.jdbc.Jdbc;

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
                // currency is char(3): a bpchar[] keeps the comparison on bpchar (bind's String[] is a text[]).
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
     * Advisory lock space of the rates of one currency (the second key is the currency's hashtext): an import or a
     * cart change holds it shared from before it reads the rates until it commits, a correction exclusively. So a
     * correction waits for the imports that read the old rate and then recounts their rows, and an import that comes
     * during a correction waits for it and reads the new rate (README, "Exchange rates").
     */
    static final int RATE_LOCK = 0x52415445;

    /** Until the transaction ends, no rate of these currencies changes. Locks in one order, so imports never deadlock. */
    public void lockForReading(Collection<String> currencies) {
        lock(
                "SELECT pg_advisory_xact_lock_shared(?, hashtext(?))",
                currencies.stream().sorted().toList());
    }

    /**
     * Sets (or corrects) a rate and counts the currency's orders and carts dated from its day until the currency's
     * next rate at it; returns how many of each. Waits for the imports and cart changes of the currency
     * still running, so that their rows are counted too.
     */
    public Recount put(ExchangeRate rate, Instant at) {
        lock("SELECT pg_advisory_xact_lock(?, hashtext(?))", List.of(rate.currency()));
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO exchange_rate (currency, valid_from, rate,"
                    + " set_at) VALUES (?, ?, ?, ?) ON CONFLICT (currency, valid_from)"
                    + " DO UPDATE SET rate = excluded.rate, set_at = excluded.set_at")) {
                Jdbc.bind(c, s, rate.currency(), rate.validFrom(), rate.rate(), at);
                s.executeUpdate();
            }
            return new Recount(
                    recount(c, rate, "customer_order", "ordered_at"), recount(c, rate, "cart", "updated_at"));
        });
    }

    /** The rows of the currency dated from the rate's day until its next rate count at it. */
    private static int recount(Connection c, ExchangeRate rate, String table, String dated) throws SQLException {
        String day = "(" + dated + " AT TIME ZONE 'UTC')::date";
        try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET reporting_rate = ?"
                + " WHERE currency = ? AND " + day + " >= ? AND " + day + " < coalesce((SELECT min(valid_from)"
                + " FROM exchange_rate WHERE currency = ? AND valid_from > ?), 'infinity'::date)")) {
            Jdbc.bind(c, s, rate.rate(), rate.currency(), rate.validFrom(), rate.currency(), rate.validFrom());
            return s.executeUpdate();
        }
    }

    private void lock(String sql, List<String> currencies) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (String currency : currencies) {
                    Jdbc.bind(c, s, RATE_LOCK, currency);
                    s.execute();
                }
            }
            return null;
        });
    }

    private static List<ExchangeRate> read(PreparedStatement s) throws SQLException {
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
