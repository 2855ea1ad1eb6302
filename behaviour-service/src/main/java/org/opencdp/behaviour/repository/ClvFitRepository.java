package org.opencdp.behaviour.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.behaviour.domain.clv.BgNbd;
import org.opencdp.behaviour.domain.clv.GammaGamma;
import org.opencdp.behaviour.domain.kpi.ClvModelFit;
import org.opencdp.jdbc.Jdbc;

/** The fits of the CLV model; the newest is the one in use. */
@ApplicationScoped
public class ClvFitRepository {

    @Inject
    DataSource dataSource;

    public void add(ClvModelFit fit) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO clv_model_fit (fitted_at, observed_until, r,"
                    + " alpha, a, b, purchases_log_likelihood, purchases_customers, purchases_converged, p, q, gamma,"
                    + " spend_log_likelihood, spend_customers, spend_converged)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                BgNbd.Fit purchases = fit.purchases();
                GammaGamma.Fit spend = fit.spend();
                s.setTimestamp(1, Timestamp.from(fit.fittedAt()));
                s.setObject(2, fit.observedUntil());
                s.setDouble(3, purchases.model().r());
                s.setDouble(4, purchases.model().alpha());
                s.setDouble(5, purchases.model().a());
                s.setDouble(6, purchases.model().b());
                s.setDouble(7, purchases.logLikelihood());
                s.setInt(8, purchases.customers());
                s.setBoolean(9, purchases.converged());
                s.setDouble(10, spend.model().p());
                s.setDouble(11, spend.model().q());
                s.setDouble(12, spend.model().gamma());
                s.setDouble(13, spend.logLikelihood());
                s.setInt(14, spend.customers());
                s.setBoolean(15, spend.converged());
                return s.executeUpdate();
            }
        });
    }

    public Optional<ClvModelFit> latest() {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM clv_model_fit ORDER BY id DESC LIMIT 1");
                    ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<ClvModelFit>empty();
                }
                return Optional.of(new ClvModelFit(
                        rs.getTimestamp("fitted_at").toInstant(),
                        rs.getObject("observed_until", LocalDate.class),
                        new BgNbd.Fit(
                                new BgNbd(
                                        rs.getDouble("r"), rs.getDouble("alpha"), rs.getDouble("a"), rs.getDouble("b")),
                                rs.getDouble("purchases_log_likelihood"),
                                rs.getInt("purchases_customers"),
                                rs.getBoolean("purchases_converged")),
                        new GammaGamma.Fit(
                                new GammaGamma(rs.getDouble("p"), rs.getDouble("q"), rs.getDouble("gamma")),
                                rs.getDouble("spend_log_likelihood"),
                                rs.getInt("spend_customers"),
                                rs.getBoolean("spend_converged"))));
            }
        });
    }
}
