package org.opencdp.behaviour.domain.clv;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD model of repeat buying (Fader, Hardie and Lee 2005, "Counting your customers the easy way"). While a
 * customer is active, purchases arrive at a personal rate lambda (gamma-distributed across customers with shape r and
 * rate alpha); after every purchase the customer drops out for good with a personal probability p (beta-distributed
 * with a and b). Times are in weeks, as in {@link PurchaseSummary}; alpha is therefore in weeks too.
 */
public record BgNbd(double r, double alpha, double a, double b) {

    /** The conditional expectation divides by a - 1; this close to a = 1 it is evaluated just beside it. */
    private static final double NEAR_ONE = 1e-9;

    public BgNbd {
        requirePositive("r", r);
        requirePositive("alpha", alpha);
        requirePositive("a", a);
        requirePositive("b", b);
    }

    /**
     * The BG/NBD model fitted by maximum likelihood to a customer base.
     *
     * @param customers how many purchase summaries the fit used
     */
    public record Fit(BgNbd model, double logLikelihood, int customers, boolean converged) {}

    /**
     * Fits r, alpha, a and b to the customers' purchase summaries by maximum likelihood. Customers with the same
     * (x, t_x, T) contribute the same likelihood, so each such history is evaluated once and counted.
     */
    public static Fit fit(Collection<PurchaseSummary> customers) {
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("the BG/NBD model needs at least one customer to fit");
        }
        // Sorted, so that the sum runs in the same order whatever order the customers come in.
        Map<History, Long> histories = customers.stream()
                .collect(Collectors.groupingBy(
                        c -> new History(c.repeatTransactions(), c.recencyWeeks(), c.ageWeeks()),
                        TreeMap::new,
                        Collectors.counting()));
        MaximumLikelihood.Estimate estimate = MaximumLikelihood.maximise(4, theta -> {
            BgNbd model = new BgNbd(theta[0], theta[1], theta[2], theta[3]);
            double shared = model.sharedLogLikelihood();
            double sum = 0;
            for (Map.Entry<History, Long> entry : histories.entrySet()) {
                History h = entry.getKey();
                sum += entry.getValue() * model.logLikelihood(h.x(), h.recency(), h.age(), shared);
            }
            return sum;
        });
        double[] theta = estimate.parameters();
        return new Fit(
                new BgNbd(theta[0], theta[1], theta[2], theta[3]),
                estimate.logLikelihood(),
                customers.size(),
                estimate.converged());
    }

    /**
     * Log of the probability of the customer's observed history (x, t_x, T) under this model: either still active at
     * T after x purchases, or dropped out right after the last of x >= 1 purchases (FHL 2005, equation 6).
     */
    public double logLikelihood(PurchaseSummary customer) {
        return logLikelihood(
                customer.repeatTransactions(), customer.recencyWeeks(), customer.ageWeeks(), sharedLogLikelihood());
    }

    /** The part of the log-likelihood that is the same for every customer. */
    private double sharedLogLikelihood() {
        return r * Math.log(alpha) - Gamma.logGamma(r) + Gamma.logGamma(a + b) - Gamma.logGamma(b);
    }

    private double logLikelihood(int x, double recency, double age, double shared) {
        double common = shared + Gamma.logGamma(r + x) + Gamma.logGamma(b + x) - Gamma.logGamma(a + b + x);
        double stillActive = -(r + x) * Math.log(alpha + age);
        if (x == 0) {
            return common + stillActive;
        }
        double droppedOut = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + recency);
        return common + logSumExp(stillActive, droppedOut);
    }

    /** Probability that the customer is still active at the end of the observation period (FHL 2005, eq. 11). */
    public double probabilityAlive(PurchaseSummary customer) {
        return 1 / (1 + dropoutOdds(customer));
    }

    /**
     * Expected number of transactions in the next {@code weeks} weeks after the observation period, given the
     * customer's history (FHL 2005, equation 10).
     */
    public double expectedTransactions(PurchaseSummary customer, double weeks) {
        if (!(weeks >= 0) || Double.isInfinite(weeks)) {
            throw new IllegalArgumentException(
                    "the forecast horizon must be a finite number of weeks >= 0, got " + weeks);
        }
        int x = customer.repeatTransactions();
        double ageTerm = alpha + customer.ageWeeks();
        double z = weeks / (ageTerm + weeks);
        double aa = Math.abs(a - 1) < NEAR_ONE ? 1 + Math.copySign(NEAR_ONE, a - 1) : a;
        // Equation 10 has ((alpha + T) / (alpha + T + t))^(r + x) * 2F1(r + x, b + x; a + b + x - 1; z). Euler's
        // transformation turns this into (1 - z)^(a - 1) * 2F1(a + b - 1 - r, a - 1; a + b + x - 1; z): the same
        // value, but its series neither overflows nor needs more terms for customers with many purchases.
        double c = aa + b + x - 1;
        double hypergeometric = Math.pow(1 - z, aa - 1) * Hypergeometric.f21(aa + b - 1 - r, aa - 1, c, z);
        return c / (aa - 1) * (1 - hypergeometric) / (1 + dropoutOdds(customer));
    }

    /** Odds that the customer dropped out after the last purchase rather than being active at T; 0 when x = 0. */
    private double dropoutOdds(PurchaseSummary customer) {
        int x = customer.repeatTransactions();
        if (x == 0) {
            return 0;
        }
        return a
                / (b + x - 1)
                * Math.exp((r + x) * Math.log((alpha + customer.ageWeeks()) / (alpha + customer.recencyWeeks())));
    }

    private static double logSumExp(double u, double v) {
        double max = Math.max(u, v);
        return max + Math.log1p(Math.exp(Math.min(u, v) - max));
    }

    static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number greater than 0, got " + value);
        }
    }

    /** The part of a purchase summary the BG/NBD likelihood depends on. */
    private record History(int x, double recency, double age) implements Comparable<History> {
        private static final Comparator<History> ORDER = Comparator.comparingInt(History::x)
                .thenComparingDouble(History::recency)
                .thenComparingDouble(History::age);

        @Override
        public int compareTo(History other) {
            return ORDER.compare(this, other);
        }
    }
}
