package org.opencdp.behaviour.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opencdp.behaviour.domain.clv.BgNbd;
import org.opencdp.behaviour.domain.clv.ClvAssumptions;
import org.opencdp.behaviour.domain.clv.ClvForecast;
import org.opencdp.behaviour.domain.clv.GammaGamma;
import org.opencdp.behaviour.domain.clv.PurchaseSummary;
import org.opencdp.behaviour.domain.kpi.ClvModelFit;
import org.opencdp.behaviour.domain.kpi.RfmGrid;
import org.opencdp.behaviour.repository.ClvFitRepository;
import org.opencdp.behaviour.repository.KpiRepository;
import org.opencdp.problem.ProblemException;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Recomputes every customer's KPIs (set-based SQL) and fits the CLV model on the shop's own orders, on a schedule
 * and on demand. Predicted CLV uses the newest fit whose two models converged.
 */
@ApplicationScoped
public class CustomerMetrics {

    private static final Logger LOG = Logger.getLogger(CustomerMetrics.class);
    private static final int RECOMPUTE_TIMEOUT_SECONDS = 1_800;

    /** What a recompute did. */
    public record Recomputed(int customers, int predicted, Instant computedAt) {}

    @Inject
    KpiRepository kpis;

    @Inject
    ClvFitRepository fits;

    @Inject
    Clock clock;

    @ConfigProperty(name = "opencdp.behaviour.reporting-currency")
    String currency;

    @ConfigProperty(name = "opencdp.behaviour.rfm.segments")
    String rfmSegments;

    /** Share of revenue that is profit; unset means 100 %, so that CLV is (discounted) revenue. */
    @ConfigProperty(name = "opencdp.behaviour.clv.margin")
    Optional<Double> margin;

    @ConfigProperty(name = "opencdp.behaviour.clv.horizon-months")
    int horizonMonths;

    @ConfigProperty(name = "opencdp.behaviour.clv.yearly-discount-rate")
    double yearlyDiscountRate;

    private RfmGrid grid;
    private ClvAssumptions assumptions;

    /** A wrong RFM grid or CLV assumption stops the service at start, not at the first recompute. */
    void onStart(@Observes StartupEvent start) {
        grid = RfmGrid.parse(rfmSegments);
        assumptions = new ClvAssumptions(horizonMonths, yearlyDiscountRate, margin.orElse(1.0));
    }

    public RfmGrid grid() {
        return grid;
    }

    public ClvAssumptions assumptions() {
        return assumptions;
    }

    @Transactional
    @TransactionConfiguration(timeout = RECOMPUTE_TIMEOUT_SECONDS)
    public ClvModelFit fit() {
        LocalDate today = today();
        List<PurchaseSummary> summaries = kpis.purchaseSummaries(today).stream()
                .map(KpiRepository.Summary::purchases)
                .toList();
        if (summaries.stream().noneMatch(s -> s.repeatTransactions() > 0 && s.averageRepeatSpend() > 0)) {
            throw ProblemException.conflict(
                    "The CLV model needs customers who bought on more than one day; there are none yet.");
        }
        ClvModelFit fit = new ClvModelFit(Instant.now(clock), today, BgNbd.fit(summaries), GammaGamma.fit(summaries));
        fits.add(fit);
        LOG.infof(
                "CLV model fitted on %d customers: purchases converged %b, spend converged %b",
                fit.purchases().customers(),
                fit.purchases().converged(),
                fit.spend().converged());
        return fit;
    }

    public Optional<ClvModelFit> currentFit() {
        return fits.latest();
    }

    @Transactional
    @TransactionConfiguration(timeout = RECOMPUTE_TIMEOUT_SECONDS)
    public Recomputed recompute() {
        Instant now = Instant.now(clock);
        int customers = kpis.recompute(grid, currency, BigDecimal.valueOf(assumptions.margin()), now);
        int predicted = 0;
        Optional<ClvModelFit> fit = fits.latest().filter(ClvModelFit::usable);
        if (fit.isPresent()) {
            ClvForecast forecast = new ClvForecast(
                    fit.get().purchases().model(), fit.get().spend().model(), assumptions);
            List<UUID> subjects = new ArrayList<>();
            List<BigDecimal> values = new ArrayList<>();
            List<Double> alive = new ArrayList<>();
            for (KpiRepository.Summary summary : kpis.purchaseSummaries(today())) {
                double value = forecast.predictedValue(summary.purchases());
                double probability = forecast.purchases().probabilityAlive(summary.purchases());
                if (Double.isFinite(value) && Double.isFinite(probability)) {
                    subjects.add(summary.subjectId());
                    values.add(BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP));
                    alive.add(probability);
                }
            }
            kpis.setPredictions(subjects, values, alive);
            predicted = subjects.size();
        }
        LOG.infof("KPIs recomputed for %d customers, predicted CLV for %d", customers, predicted);
        return new Recomputed(customers, predicted, now);
    }

    /** Nightly: refit the CLV model on the orders so far, then recompute every customer's KPIs with it. */
    @Scheduled(
            identity = "kpi-recompute",
            cron = "${opencdp.behaviour.kpis.recompute-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        try {
            fit();
        } catch (ProblemException notEnoughData) {
            LOG.info(notEnoughData.getMessage());
        }
        recompute();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
