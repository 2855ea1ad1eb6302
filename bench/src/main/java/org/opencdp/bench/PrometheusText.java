package org.opencdp.bench;

/** Reading a service's /q/metrics (Prometheus's text format), as the scenarios need it. */
final class PrometheusText {

    private PrometheusText() {}

    /** The sample value of one line: what follows its last space. */
    static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    /**
     * The sum of the lines of {@code name}, whatever their labels (e.g. one per collector, or per outbox subscriber);
     * a metric the service does not publish is an error, not a zero.
     */
    static double sum(String metrics, String name) {
        double total = 0;
        boolean found = false;
        for (String line : metrics.lines().toList()) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                total += value(line);
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException("no " + name + " in /q/metrics");
        }
        return total;
    }
}
