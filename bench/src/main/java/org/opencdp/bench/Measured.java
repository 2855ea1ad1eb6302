package org.opencdp.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One figure over the measured runs (issue 8): the median is what is reported, the spread (min-max) shows how far a
 * single run can be from it on a machine shared by everything in the suite.
 */
record Measured(List<Double> runs) {

    private static final Pattern NUMBER = Pattern.compile("%[,.0-9]*f");

    Measured {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one run");
        }
        runs = runs.stream().sorted().toList();
    }

    static <T> Measured of(List<T> results, ToDoubleFunction<T> figure) {
        return new Measured(results.stream().mapToDouble(figure).boxed().toList());
    }

    double median() {
        int n = runs.size();
        return n % 2 == 1 ? runs.get(n / 2) : (runs.get(n / 2 - 1) + runs.get(n / 2)) / 2;
    }

    double min() {
        return runs.getFirst();
    }

    double max() {
        return runs.getLast();
    }

    /** "**2.31 ms** (2.10–2.60)" for "**%,.2f ms**": the median as the pattern says, the spread in its precision. */
    String format(String pattern) {
        Matcher number = NUMBER.matcher(pattern);
        if (!number.find()) {
            throw new IllegalArgumentException("no number in " + pattern);
        }
        String spread = number.group() + "–" + number.group();
        return String.format(pattern, median()) + String.format(" (" + spread + ")", min(), max());
    }
}
