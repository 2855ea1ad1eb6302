package org.opencdp.behaviour.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
        BgNbd.Fit purchases = fit.purchases();
        GammaGamma.Fit spend = fit.spend();
        Jdbc.update(
                dataSource,
                "INSERT INTO clv_model_fit (fitted_at, observed_until, r, alpha, a, b,"
                        + " purchases_log_likelihood, purchases_customers, purchases_converged, p, q, gamma,"
                        + " spend_log_likelihood, spend_customers, spend_converged)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                fit.fittedAt(),
                fit.observedUntil(),
                purchases.model().r(),
                purchases.model().alpha(),
                purchases.model().a(),
                purchases.model().b(),
                purchases.logLikelihood(),
                purchases.customers(),
                purchases.converged(),
                spend.model().p(),
                spend.model().q(),
                spend.model().gamma(),
                spend.logLikelihood(),
                spend.customers(),
                spend.converged());
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
