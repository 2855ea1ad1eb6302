package org.opencdp.behaviour.domain.clv;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximum-likelihood estimation of strictly positive model parameters with Powell's BOBYQA (commons-math3).
 * The optimiser searches the logarithms of the parameters, so every point it tries is a valid model, and starts
 * from all parameters = 1: no randomness, so the same data always give the same fit.
 */
final class MaximumLikelihood {

    /** Parameters are searched between e^-15 and e^15 (about 3e-7 to 3e6); real fits lie far inside. */
    private static final double LOG_BOUND = 15;
    /** A parameter this close to a bound was stopped by the bound, not by the data. */
    private static final double AT_BOUND = 1e-3;

    private static final double INITIAL_TRUST_REGION = 1;
    private static final double STOPPING_TRUST_REGION = 1e-9;
    private static final int MAX_EVALUATIONS = 20_000;

    /**
     * The best parameters found, their log-likelihood, and whether the optimiser converged: it stopped on its own
     * accuracy criterion and no parameter ran into the search bounds (which means the data do not pin it down).
     */
    record Estimate(double[] parameters, double logLikelihood, boolean converged) {}

    private MaximumLikelihood() {}

    static Estimate maximise(int parameterCount, ToDoubleFunction<double[]> logLikelihood) {
        BestSoFar best = new BestSoFar(logLikelihood);
        double[] lower = new double[parameterCount];
        double[] upper = new double[parameterCount];
        Arrays.fill(lower, -LOG_BOUND);
        Arrays.fill(upper, LOG_BOUND);
        boolean finished;
        try {
            new BOBYQAOptimizer(2 * parameterCount + 1, INITIAL_TRUST_REGION, STOPPING_TRUST_REGION)
                    .optimize(
                            new MaxEval(MAX_EVALUATIONS),
                            new ObjectiveFunction(best::value),
                            GoalType.MAXIMIZE,
                            new InitialGuess(new double[parameterCount]),
                            new SimpleBounds(lower, upper));
            finished = true;
        } catch (TooManyEvaluationsException e) {
            finished = false;
        }
        boolean insideBounds = Arrays.stream(best.logPoint).allMatch(v -> Math.abs(v) < LOG_BOUND - AT_BOUND);
        return new Estimate(
                Arrays.stream(best.logPoint).map(Math::exp).toArray(),
                best.value,
                finished && insideBounds && best.value > -Double.MAX_VALUE);
    }

    /**
     * The objective seen by the optimiser, remembering the best point it tried: when the evaluation budget runs
     * out, that point is still the best answer there is, reported as not converged.
     */
    private static final class BestSoFar {
        private final ToDoubleFunction<double[]> logLikelihood;
        private double[] logPoint;
        private double value = Double.NEGATIVE_INFINITY;

        BestSoFar(ToDoubleFunction<double[]> logLikelihood) {
            this.logLikelihood = logLikelihood;
        }

        double value(double[] logParameters) {
            double[] parameters = Arrays.stream(logParameters).map(Math::exp).toArray();
            double result = logLikelihood.applyAsDouble(parameters);
            // A likelihood that under- or overflows is no candidate; the optimiser needs a finite number to compare.
            if (!Double.isFinite(result)) {
                result = -Double.MAX_VALUE;
            }
            if (logPoint == null || result > value) {
                logPoint = logParameters.clone();
                value = result;
            }
            return result;
        }
    }
}
