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

    /**
     * The sum of the lines of {@code name} whose labels contain {@code label} (e.g. {@code action="end of major GC"});
     * 0 without such a line, since Micrometer publishes a labelled series only once it happened.
     */
    static double sumOfLabelled(String metrics, String name, String label) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{"))
                .filter(line -> line.substring(0, line.lastIndexOf('}') + 1).contains(label))
                .mapToDouble(PrometheusText::value)
                .sum();
    }
}
