package org.opencdp.behaviour.domain.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 2F1 series behind the BG/NBD conditional expectation, against closed forms. */
class BgNbdHypergeometricTest {

    @ParameterizedTest
    @ValueSource(doubles = {1e-6, 0.1, 0.5, 0.9, 0.99, 0.999})
    void logarithm(double z) {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z
        assertThat(Hypergeometric.f21(1, 1, 2, z)).isCloseTo(-Math.log1p(-z) / z, withinPercentage(1e-10));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.3, 0.7, 0.95})
    void binomial(double z) {
        // 2F1(a, b; b; z) = (1 - z)^(-a), here with a large a as for a customer with many purchases
        assertThat(Hypergeometric.f21(40.243, 3.1, 3.1, z)).isCloseTo(Math.pow(1 - z, -40.243), withinPercentage(1e-9));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.6, 0.9})
    void arcsine(double s) {
        // 2F1(1/2, 1/2; 3/2; s^2) = arcsin(s) / s
        assertThat(Hypergeometric.f21(0.5, 0.5, 1.5, s * s)).isCloseTo(Math.asin(s) / s, withinPercentage(1e-10));
    }

    @Test
    void negativeParametersAndTerminatingSeries() {
        // 2F1(-2, b; c; z) is the polynomial 1 - 2bz/c + b(b+1)z^2/(c(c+1))
        double b = -0.207;
        double c = -0.6;
        double z = 0.4;
        double polynomial = 1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1));
        assertThat(Hypergeometric.f21(-2, b, c, z)).isCloseTo(polynomial, withinPercentage(1e-12));
    }

    @Test
    void outsideItsDomainItRefuses() {
        assertThatThrownBy(() -> Hypergeometric.f21(1, 1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hypergeometric.f21(1, 1, 2, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hypergeometric.f21(1, 1, -3, 0.5)).isInstanceOf(IllegalArgumentException.class);
        // Converging like z^n with z this close to 1 takes more terms than allowed: it says so.
        assertThatThrownBy(() -> Hypergeometric.f21(1, 1, 2, 1 - 1e-7)).isInstanceOf(ArithmeticException.class);
    }
}
