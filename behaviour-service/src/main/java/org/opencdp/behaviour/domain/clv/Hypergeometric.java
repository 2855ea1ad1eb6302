package org.opencdp.behaviour.domain.clv;

/**
 * The Gaussian hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1, by its power series
 * sum over n of (a)_n (b)_n / ((c)_n n!) z^n. commons-math3 has no 2F1; this is a series, not an optimiser.
 */
final class Hypergeometric {

    /** More terms than any argument the CLV model produces needs (z stays well below 1 there). */
    static final int MAX_TERMS = 200_000;

    private static final double RELATIVE_TOLERANCE = 1e-15;

    private Hypergeometric() {}

    /**
     * 2F1(a, b; c; z). The series converges for |z| < 1, eventually like z^n; it is summed until a term is so small
     * that the rest cannot change the sum beyond double precision.
     *
     * @throws IllegalArgumentException when z is outside [0, 1) or c is 0 or a negative integer
     * @throws ArithmeticException when the series has not converged after {@link #MAX_TERMS} terms
     */
    static double f21(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 is summed for 0 <= z < 1 only, got z = " + z);
        }
        if (c <= 0 && c == Math.rint(c)) {
            throw new IllegalArgumentException("2F1 is undefined for c = " + c + " (0 or a negative integer)");
        }
        // Until n passes |a|, |b| and |c| the terms may still grow or change sign; only after that is a small term a
        // sign that the rest of the series is small too. The tail after a term t is at most about t z / (1 - z).
        double settled = Math.abs(a) + Math.abs(b) + Math.abs(c);
        double tolerance = RELATIVE_TOLERANCE * (1 - z);
        double term = 1;
        double sum = 1;
        for (int n = 0; n < MAX_TERMS; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (term == 0 || (n > settled && Math.abs(term) <= tolerance * Math.abs(sum))) {
                return sum;
            }
        }
        throw new ArithmeticException(
                "2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge in " + MAX_TERMS + " terms");
    }
}
