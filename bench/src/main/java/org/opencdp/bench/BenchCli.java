package org.opencdp.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opencdp.localstack.LocalStackException;

/**
 * {@code java -jar bench/target/bench.jar [profile|consent|tracking|behaviour|view360|retention|startup ...]}, run from the repository root;
 * without a name every scenario runs (`make bench`), one after the other on one suite. Sizes and durations are
 * system properties, e.g. {@code -Dbench.customers=1000000 -Dbench.seconds=30}; see bench/README.md.
 */
public final class BenchCli {

    /** Starting PostgreSQL, Keycloak and the five services, as the expected duration counts it. */
    private static final Duration SUITE_START = Duration.ofMinutes(2);

    private BenchCli() {}

    /**
     * In this order: the profile fill's change events would otherwise still reach behaviour-service meanwhile; the
     * 360° view's orders would count in the behaviour scenario's recompute, so it comes after it.
     */
    private static List<Scenario> all() {
        return List.of(
                new ConsentBench(),
                new TrackingBench(),
                new BehaviourBench(),
                new ProfileBench(),
                new View360Bench(),
                new RetentionBench(),
                new StartupBench());
    }

    public static void main(String[] args) throws Exception {
        Map<String, Scenario> byName = new LinkedHashMap<>();
        all().forEach(scenario -> byName.put(scenario.name(), scenario));
        List<Scenario> chosen = new ArrayList<>();
        for (String name : args.length == 0 ? new String[] {"all"} : args) {
            if (name.equals("all")) {
                chosen.addAll(byName.values());
            } else if (byName.containsKey(name)) {
                chosen.add(byName.get(name));
            } else {
                System.err.println("usage: java -jar bench/target/bench.jar [all | "
                        + String.join(" | ", byName.keySet()) + " ...]   (from the repository root)");
                System.exit(2);
            }
        }
        Path repoRoot = Path.of("").toAbsolutePath();
        Duration expected = SUITE_START;
        for (Scenario scenario : chosen) {
            expected = expected.plus(scenario.expectedDuration());
            System.out.printf("[bench] %s: about %s%n", scenario.name(), minutes(scenario.expectedDuration()));
        }
        System.out.printf(
                "[bench] expected duration with these sizes: about %s (suite start included); %d measured runs per "
                        + "figure, %d s each after a %d s warm-up%n",
                minutes(expected),
                BenchSettings.RUNS,
                BenchSettings.RUN.toSeconds(),
                BenchSettings.WARM_UP.toSeconds());
        List<String> failed = new ArrayList<>();
        try (BenchSuite suite = BenchSuite.start(repoRoot)) {
            for (Scenario scenario : chosen) {
                long begin = System.nanoTime();
                Report report = new Report(scenario);
                try {
                    scenario.run(suite, report);
                } catch (Exception e) {
                    // The other scenarios still run; the report keeps what was measured and says where it stopped.
                    e.printStackTrace();
                    report.line("**The scenario failed here:** " + e.getMessage());
                    failed.add(scenario.name());
                }
                report.line(String.format(
                        "_%s took %s._", scenario.name(), minutes(Duration.ofNanos(System.nanoTime() - begin))));
                System.out.println("\nReport written to " + repoRoot.relativize(report.write(repoRoot)) + "\n");
            }
        } catch (LocalStackException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
        if (!failed.isEmpty()) {
            System.err.println("error: failed scenarios: " + String.join(", ", failed));
            System.exit(1);
        }
    }

    private static String minutes(Duration duration) {
        return String.format("%d min %02d s", duration.toMinutes(), duration.toSecondsPart());
    }
}
