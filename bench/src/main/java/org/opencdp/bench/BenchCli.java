package org.opencdp.bench;

import java.nio.file.Path;

import org.opencdp.localstack.LocalStackException;

/**
 * {@code java -jar bench/target/bench.jar profile}, run from the repository root (`make bench` does). Sizes are
 * system properties, e.g. {@code -Dbench.customers=1000000 -Dbench.seeded=20000}; see {@link ProfileBench}.
 */
public final class BenchCli {

    private BenchCli() {}

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "profile" : args[0];
        Path repoRoot = Path.of("").toAbsolutePath();
        try {
            switch (which) {
                case "profile" -> ProfileBench.run(repoRoot);
                default -> {
                    System.err.println("usage: java -jar bench/target/bench.jar profile   (from the repository root)");
                    System.exit(2);
                }
            }
        } catch (LocalStackException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }
}
