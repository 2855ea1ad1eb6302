package org.opencdp.behaviour.domain.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Names an RFM segment for each combination of recency score (1-5) and frequency-monetary score (1-5, the mean of
 * the frequency and monetary scores rounded up). Read from a setting such as
 * {@code champions:5:4-5;loyal:3-4:4-5;...}: name, recency scores, frequency-monetary scores; every one of the 25
 * cells must be named exactly once.
 */
public final class RfmGrid {

    /** One cell of the grid. */
    public record Cell(int recency, int frequencyMonetary, String segment) {}

    private final String[][] segments = new String[6][6];

    private RfmGrid() {}

    public static RfmGrid parse(String setting) {
        RfmGrid grid = new RfmGrid();
        for (String rule : setting.split(";")) {
            String[] parts = rule.trim().split(":");
            if (parts.length != 3 || parts[0].isBlank()) {
                throw new IllegalArgumentException("RFM segment rule '" + rule + "' is not name:recency:frequency");
            }
            for (int r : range(parts[1])) {
                for (int fm : range(parts[2])) {
                    if (grid.segments[r][fm] != null) {
                        throw new IllegalArgumentException("RFM cell recency " + r + ", frequency " + fm
                                + " is named twice: " + grid.segments[r][fm] + " and " + parts[0].trim());
                    }
                    grid.segments[r][fm] = parts[0].trim();
                }
            }
        }
        for (int r = 1; r <= 5; r++) {
            for (int fm = 1; fm <= 5; fm++) {
                if (grid.segments[r][fm] == null) {
                    throw new IllegalArgumentException(
                            "RFM cell recency " + r + ", frequency " + fm + " has no segment");
                }
            }
        }
        return grid;
    }

    /** The combined frequency-monetary score: the mean of the two, rounded up. */
    public static int frequencyMonetary(int frequency, int monetary) {
        return (frequency + monetary + 1) / 2;
    }

    public String segment(int recency, int frequencyMonetary) {
        return segments[recency][frequencyMonetary];
    }

    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            for (int fm = 1; fm <= 5; fm++) {
                cells.add(new Cell(r, fm, segments[r][fm]));
            }
        }
        return cells;
    }

    /** The segment names, each with its cells, in the order of the grid. */
    public Map<String, List<Cell>> bySegment() {
        Map<String, List<Cell>> named = new TreeMap<>();
        cells().forEach(c ->
                named.computeIfAbsent(c.segment(), k -> new ArrayList<>()).add(c));
        return named;
    }

    private static List<Integer> range(String text) {
        String[] bounds = text.trim().split("-");
        try {
            int from = Integer.parseInt(bounds[0].trim());
            int to = bounds.length == 1 ? from : Integer.parseInt(bounds[1].trim());
            if (bounds.length > 2 || from < 1 || to > 5 || from > to) {
                throw new NumberFormatException(text);
            }
            List<Integer> values = new ArrayList<>();
            for (int i = from; i <= to; i++) {
                values.add(i);
            }
            return values;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("RFM score range '" + text + "' is not 1-5 or a single score", e);
        }
    }
}
