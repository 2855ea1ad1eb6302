package org.opencdp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A scenario's report, bench/results/{name}.md, printed as it grows: the machine and the date, then the figures,
 * each the median and spread of the measured runs beside the target it is measured against.
 */
final class Report {

    private final String name;
    private final StringBuilder text = new StringBuilder();

    Report(Scenario scenario) {
        this.name = scenario.name();
        line("# " + scenario.title() + ", " + LocalDate.now());
        line("");
        line("Machine: " + Machine.describe() + ". PostgreSQL, Keycloak, the five services and the load generator "
                + "(wrk) all share it. Method: bench/README.md.");
        line("");
        line("Each figure is the **median of " + BenchSettings.RUNS + " measured runs**, with their spread "
                + "(min–max) in brackets; ⚠ marks a figure whose spread crosses its target.");
        line("");
    }

    void line(String line) {
        System.out.println(line);
        text.append(line).append('\n');
    }

    void heading(String heading) {
        line("## " + heading);
        line("");
    }

    /** Starts a table of figures; {@link #figure} adds its rows, a blank line ends it. */
    void table() {
        line("| figure | median (min–max) | target | |");
        line("|---|---|---|---|");
    }

    void figure(String what, Measured figure, String pattern, Target target) {
        line("| " + what + " | " + figure.format(pattern) + " | " + target.text() + " | " + target.verdict(figure)
                + " |");
    }

    /** A figure without a target of its own (a ceiling, a throughput beside a latency target). */
    void figure(String what, Measured figure, String pattern) {
        line("| " + what + " | " + figure.format(pattern) + " | — | |");
    }

    Path write(Path repoRoot) throws IOException {
        Path out = repoRoot.resolve("bench/results/" + name + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        return out;
    }
}
