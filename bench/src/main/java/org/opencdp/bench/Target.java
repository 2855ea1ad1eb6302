package org.opencdp.bench;

/** A figure's target from its issue, e.g. "p99 < 5 ms" or ">= 1,000/s", and whether a value meets it. */
record Target(String text, double limit, Direction direction) {

    enum Direction {
        AT_LEAST,
        AT_MOST,
        BELOW
    }

    static Target atLeast(double limit, String text) {
        return new Target(text, limit, Direction.AT_LEAST);
    }

    static Target atMost(double limit, String text) {
        return new Target(text, limit, Direction.AT_MOST);
    }

    static Target below(double limit, String text) {
        return new Target(text, limit, Direction.BELOW);
    }

    boolean metBy(double value) {
        return switch (direction) {
            case AT_LEAST -> value >= limit;
            case AT_MOST -> value <= limit;
            case BELOW -> value < limit;
        };
    }

    /**
     * ✔ or ✘ for the median; marked when the spread crosses the target, that is when one run met it and another did
     * not, so that a median just on the right side is not read as a safe pass.
     */
    String verdict(Measured figure) {
        String median = metBy(figure.median()) ? "✔" : "✘";
        return metBy(figure.min()) == metBy(figure.max()) ? median : median + " ⚠ spread crosses the target";
    }
}
