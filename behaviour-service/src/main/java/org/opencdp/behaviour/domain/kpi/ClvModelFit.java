package org.opencdp.behaviour.domain.kpi;

import java.time.Instant;
import java.time.LocalDate;

import org.opencdp.behaviour.domain.clv.BgNbd;
import org.opencdp.behaviour.domain.clv.GammaGamma;

/** A fit of the CLV model on the shop's own orders: both models' parameters and how well they fit. */
public record ClvModelFit(Instant fittedAt, LocalDate observedUntil, BgNbd.Fit purchases, GammaGamma.Fit spend) {

    /** Predictions need both models fitted properly. */
    public boolean usable() {
        return purchases.converged() && spend.converged();
    }
}
