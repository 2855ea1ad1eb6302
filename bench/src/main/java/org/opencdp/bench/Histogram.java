package org.opencdp.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prometheus histogram of a service's /q/metrics (Micrometer's {@code publishPercentileHistogram}): cumulative
 * counts per upper bound. The difference of two scrapes is the histogram of what happened in between, so a
 * percentile read from it belongs to one measured run alone, unlike Micrometer's own decaying percentiles.
 */
record Histogram(TreeMap<Double, Double> cumulative) {

    private static final Pattern BOUND = Pattern.compile("le=\"([^\"]+)\"");

    /** The buckets of {@code name} (e.g. opencdp_consent_decision_seconds) whose labels contain {@code label}. */
    static Histogram scrape(String metrics, String name, String label) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        metrics.lines()
                .filter(l -> l.startsWith(name + "_bucket{") && l.contains(label))
                .forEach(l -> {
                    Matcher bound = BOUND.matcher(l);
                    if (bound.find()) {
                        double le = bound.group(1).equals("+Inf")
                                ? Double.POSITIVE_INFINITY
                                : Double.parseDouble(bound.group(1));
                        buckets.merge(le, PrometheusText.value(l), Double::sum);
                    }
                });
        if (buckets.isEmpty()) {
            throw new IllegalStateException("no histogram " + name + "{" + label + "} in /q/metrics");
        }
        return new Histogram(buckets);
    }

    Histogram since(Histogram before) {
        TreeMap<Double, Double> delta = new TreeMap<>();
        cumulative.forEach((le, count) -> delta.put(le, count - before.cumulative.getOrDefault(le, 0.0)));
        return new Histogram(delta);
    }

    double count() {
        return cumulative.lastEntry().getValue();
    }

    /** The upper bound of the bucket holding quantile q: the quantile is at most this. */
    double quantileBound(double q) {
        double wanted = q * count();
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= wanted) {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
