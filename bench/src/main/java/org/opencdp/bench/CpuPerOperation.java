package org.opencdp.bench;

import java.io.IOException;

import org.opencdp.localstack.LocalStack;
import org.opencdp.localstack.Service;

/**
 * CPU seconds a measured run cost per 1,000 operations, in the service under load and in PostgreSQL (the server and
 * all its backends), from /proc as {@link Diagnostics} reads them. Unlike requests/s and latency, this hardly depends
 * on what else runs on the machine, so a change of the hot path can be judged on a shared machine too.
 */
final class CpuPerOperation {

    /** Linux's USER_HZ: /proc reports CPU times in these ticks. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final LocalStack stack;
    private final Service service;
    private final long serviceAtStart;
    private final long postgresAtStart;

    private CpuPerOperation(LocalStack stack, Service service) throws IOException {
        this.stack = stack;
        this.service = service;
        this.serviceAtStart = serviceTicks();
        this.postgresAtStart = postgresTicks();
    }

    /** Starts counting before a run. */
    static CpuPerOperation start(LocalStack stack, Service service) throws IOException {
        return new CpuPerOperation(stack, service);
    }

    /** What the run cost since {@link #start}, for {@code operations} operations. */
    Cost end(long operations) throws IOException {
        double thousands = operations / 1000.0;
        return new Cost(
                (serviceTicks() - serviceAtStart) / TICKS_PER_SECOND / thousands,
                (postgresTicks() - postgresAtStart) / TICKS_PER_SECOND / thousands);
    }

    /** CPU seconds per 1,000 operations. */
    record Cost(double service, double postgres) {
        double total() {
            return service + postgres;
        }
    }

    private long serviceTicks() {
        return stack.layout()
                .pidFile(service.serviceName())
                .read()
                .map(e -> ProcStat.ticks(e.pid()))
                .orElseThrow(() -> new IllegalStateException(service.serviceName() + " is not running"));
    }

    private long postgresTicks() throws IOException {
        return ProcStat.treeTicks(stack.postgres().serverPid().orElse(-1L));
    }
}
