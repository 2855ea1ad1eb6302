package org.opencdp.behaviour.api;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.behaviour.domain.clv.BgNbd;
import org.opencdp.behaviour.domain.clv.ClvAssumptions;
import org.opencdp.behaviour.domain.clv.GammaGamma;
import org.opencdp.behaviour.domain.kpi.ClvModelFit;

/** The CLV model in use: both fits with their quality, and the assumptions predictions are made with. */
@Schema(name = "ClvModel")
public record ClvModelView(
        Instant fittedAt,

        @Schema(description = "The fit saw the orders up to the end of this day")
        LocalDate observedUntil,

        @Schema(description = "BG/NBD: how many purchases") BgNbd.Fit purchases,

        @Schema(description = "Gamma-Gamma: how much per purchase")
        GammaGamma.Fit spend,

        @Schema(description = "Both fits converged, so predicted CLV is computed with them")
        boolean usable,

        ClvAssumptions assumptions) {

    static ClvModelView of(ClvModelFit fit, ClvAssumptions assumptions) {
        return new ClvModelView(
                fit.fittedAt(), fit.observedUntil(), fit.purchases(), fit.spend(), fit.usable(), assumptions);
    }
}
