package org.opencdp.behaviour.domain.clv;

import java.util.Collection;
import java.util.List;

import org.apache.commons.math3.special.Gamma;

/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie and Lee 2005, "RFM and CLV: using iso-value curves
 * for customer base analysis"; Fader and Hardie, "The Gamma-Gamma model of monetary value"). A customer's
 * transaction values scatter around a personal mean; the model learns how those means vary across customers (p, q,
 * gamma) and so weighs a customer's own average against the average of the whole customer base: the fewer purchases
 * we have seen, the more the estimate leans towards the base. It assumes that spend does not depend on how often a
 * customer buys.
 */
public record GammaGamma(double p, double q, double gamma) {

    public GammaGamma {
        BgNbd.requirePositive("p", p);
        BgNbd.requirePositive("q", q);
        BgNbd.requirePositive("gamma", gamma);
    }

    /**
     * The Gamma-Gamma model fitted by maximum likelihood.
     *
     * @param customers how many customers the fit used: those with a repeat transaction and a positive average spend
     */
    public record Fit(GammaGamma model, double logLikelihood, int customers, boolean converged) {}

    /**
     * Fits p, q and gamma to the average repeat spend of the customers who have at least one repeat transaction with
     * a positive average value; the others carry no information about spend (or, at 0, none the model can describe)
     * and are left out, which {@link Fit#customers()} shows.
     */
    public static Fit fit(Collection<PurchaseSummary> customers) {
        List<PurchaseSummary> data = customers.stream()
                .filter(c -> c.repeatTransactions() > 0 && c.averageRepeatSpend() > 0)
                .toList();
        if (data.isEmpty()) {
            throw new IllegalArgumentException(
                    "the Gamma-Gamma model needs at least one customer with a repeat transaction of positive value");
        }
        MaximumLikelihood.Estimate estimate = MaximumLikelihood.maximise(3, theta -> {
            GammaGamma model = new GammaGamma(theta[0], theta[1], theta[2]);
            double shared = model.sharedLogLikelihood();
            double sum = 0;
            for (PurchaseSummary customer : data) {
                sum += model.logLikelihood(customer.repeatTransactions(), customer.averageRepeatSpend(), shared);
            }
            return sum;
        });
        double[] theta = estimate.parameters();
        return new Fit(
                new GammaGamma(theta[0], theta[1], theta[2]),
                estimate.logLikelihood(),
                data.size(),
                estimate.converged());
    }

    /** Log-density of the customer's average repeat spend m_x given x repeat transactions. */
    public double logLikelihood(PurchaseSummary customer) {
        int x = customer.repeatTransactions();
        double m = customer.averageRepeatSpend();
        if (x == 0 || m <= 0) {
            throw new IllegalArgumentException("the spend likelihood needs a repeat transaction of positive value");
        }
        return logLikelihood(x, m, sharedLogLikelihood());
    }

    /** The part of the log-likelihood that is the same for every customer. */
    private double sharedLogLikelihood() {
        return q * Math.log(gamma) - Gamma.logGamma(q);
    }

    private double logLikelihood(int x, double m, double shared) {
        double px = p * x;
        return shared
                + Gamma.logGamma(px + q)
                - Gamma.logGamma(px)
                + (px - 1) * Math.log(m)
                + px * Math.log(x)
                - (px + q) * Math.log(gamma + x * m);
    }

    /**
     * Expected value of the customer's future transactions: (gamma + x m_x) p / (p x + q - 1), a weighted mean of
     * the customer base's mean spend gamma p / (q - 1) and the customer's own average m_x. A customer without repeat
     * transactions gets the base's mean.
     *
     * @throws IllegalStateException when q <= 1 and the customer has no repeat transactions: the spend distribution
     *         then has no finite mean, so there is nothing to expect
     */
    public double expectedAverageSpend(PurchaseSummary customer) {
        int x = customer.repeatTransactions();
        double denominator = p * x + q - 1;
        if (denominator <= 0) {
            throw new IllegalStateException("the fitted spend model (q = " + q
                    + ") has no finite mean spend for a customer with " + x + " repeat transactions");
        }
        return (gamma + x * customer.averageRepeatSpend()) * p / denominator;
    }
}
