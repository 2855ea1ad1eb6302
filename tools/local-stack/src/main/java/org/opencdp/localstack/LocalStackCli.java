package org.opencdp.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code java -jar tools/local-stack/target/local-stack.jar start|stop|status|reset [--state-dir DIR] [--port-offset N]},
 * run from the repository root (`make run`, `make stop`, `make status`, `make reset` do exactly that, through
 * scripts/local-stack). A second suite beside the first needs its own state directory and ports:
 * {@code --state-dir /tmp/second --port-offset 10000}; pass the same options to its stop, status and reset.
 */
public final class LocalStackCli {

    private static final String USAGE =
            "usage: java -jar tools/local-stack/target/local-stack.jar start|stop|status|reset "
                    + "[--state-dir DIR] [--port-offset N]   (run from the repository root)";

    private LocalStackCli() {}

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (LocalStackException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(String[] args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        if (arguments.isEmpty()) {
            System.err.println(USAGE);
            return 2;
        }
        String command = arguments.remove(0);
        Path repoRoot = Path.of("").toAbsolutePath();
        StackLayout layout = StackLayout.forRepo(repoRoot);
        while (!arguments.isEmpty()) {
            String option = arguments.remove(0);
            if (arguments.isEmpty()) {
                System.err.println(USAGE);
                return 2;
            }
            String value = arguments.remove(0);
            switch (option) {
                case "--state-dir" -> layout = layout.withStateDir(repoRoot.resolve(value));
                case "--port-offset" ->
                    layout = layout.withPorts(StackPorts.defaults().shiftedBy(parseOffset(value)));
                default -> {
                    System.err.println(USAGE);
                    return 2;
                }
            }
        }
        LocalStack stack = new LocalStack(layout, line -> System.out.println("  " + line));
        return switch (command) {
            case "start" -> start(stack);
            case "stop" -> stop(stack);
            case "status" -> status(stack);
            case "reset" -> reset(stack);
            default -> {
                System.err.println(USAGE);
                yield 2;
            }
        };
    }

    private static int start(LocalStack stack) {
        long begin = System.nanoTime();
        AtomicBoolean finished = new AtomicBoolean();
        // Ctrl-C during the start would otherwise leave a half-started suite behind (its parts are detached).
        Thread onInterrupt = new Thread(
                () -> {
                    if (!finished.get()) {
                        System.err.println("Interrupted: stopping what was started.");
                        stack.cancelStartAndStop();
                    }
                },
                "local-stack-interrupted-start");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        LocalStack.StartOutcome outcome;
        try {
            System.out.println("Starting OpenCDP (state in " + stack.layout().stateDir() + ") ...");
            outcome = stack.start();
        } finally {
            finished.set(true);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - begin).toSeconds();
        System.out.println();
        System.out.println(
                outcome == LocalStack.StartOutcome.ALREADY_RUNNING
                        ? "OpenCDP is already running; nothing was started. It runs the jars of its start: to run what was "
                                + "built since, `make stop` first."
                        : "OpenCDP is running (started in " + seconds + " s).");
        System.out.println(new StackSummary(stack.layout(), stack.postgres().directory()).text());
        return 0;
    }

    private static int stop(LocalStack stack) {
        System.out.println(stack.stop() ? "Stopped OpenCDP." : "Nothing of OpenCDP was running.");
        return 0;
    }

    private static int reset(LocalStack stack) {
        Path cluster = stack.postgres().directory();
        stack.reset();
        System.out.println("Deleted the local suite's data: " + stack.layout().stateDir()
                + (cluster.startsWith(stack.layout().stateDir()) ? "" : " and " + cluster) + ".");
        return 0;
    }

    private static int status(LocalStack stack) {
        List<ComponentStatus> status = stack.status();
        status.forEach(System.out::println);
        if (status.stream().allMatch(ComponentStatus::isStopped)) {
            System.out.println("Nothing is running; `make run` starts the suite.");
        }
        return 0;
    }

    private static int parseOffset(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new LocalStackException("--port-offset takes a number, not " + value + ".");
        }
    }
}
