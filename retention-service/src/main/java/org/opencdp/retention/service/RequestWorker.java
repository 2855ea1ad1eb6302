package org.opencdp.retention.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;
import org.opencdp.retention.domain.ClaimedTask;
import org.opencdp.retention.repository.RequestRepository;
import org.opencdp.retention.repository.TaskRepository;
import org.opencdp.subjectrights.client.ParticipantAnswer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.context.api.ManagedExecutorConfig;

/**
 * Carries out the stored tasks. Each run claims the due tasks with a lease (committed before any call, so a
 * replica killed mid-call leaves a lease that expires, and the task is claimed again), calls the services outside
 * any transaction, and stores each answer, or the error and the next attempt after an exponential backoff. A task
 * waits for a service that is down (no answer, a timeout, a 5xx, 408, 429) as long as it takes; a service that
 * refuses the call (any other 4xx) fails the task, which then waits for the dpo. A request completes when its last
 * task is done.
 */
@ApplicationScoped
public class RequestWorker {

    private static final Logger LOG = Logger.getLogger(RequestWorker.class);

    @Inject
    TaskRepository tasks;

    @Inject
    RequestRepository requests;

    @Inject
    TaskCalls calls;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "opencdp.retention.worker.lease")
    Duration lease;

    @ConfigProperty(name = "opencdp.retention.worker.retry-initial")
    Duration retryInitial;

    @ConfigProperty(name = "opencdp.retention.worker.retry-max")
    Duration retryMax;

    @ConfigProperty(name = "opencdp.retention.worker.batch-size")
    int batchSize;

    @ConfigProperty(name = "opencdp.retention.worker.start-on-verification")
    boolean startOnVerification;

    /**
     * Where a round started by a verification runs: a thread the container manages (and stops with the application),
     * made for blocking work such as the calls to the services, not the common fork-join pool. The round takes no
     * context from the verifying request: it opens its own transactions, like a scheduled round.
     */
    @Inject
    @ManagedExecutorConfig(
            propagated = {},
            cleared = ThreadContext.ALL_REMAINING)
    ManagedExecutor executor;

    /**
     * A verified request's tasks are due at once: the worker starts on them as soon as they are committed, instead of
     * waiting for its next round (a dpo waiting for an export otherwise waits up to the interval as well). Claiming
     * is safe beside the scheduled round, as it is between replicas (leases, SKIP LOCKED).
     */
    void onTasksStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) TasksStored stored) {
        if (startOnVerification) {
            executor.runAsync(() -> {
                try {
                    run();
                } catch (RuntimeException e) {
                    LOG.warnf(
                            "The worker's round after a verification stopped: %s",
                            e.getClass().getName());
                }
            });
        }
    }

    @Scheduled(
            identity = "subject-request-worker",
            every = "{opencdp.retention.worker.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        while (work() == batchSize) {
            // a full batch: more may be due
        }
    }

    /** One batch; returns how many tasks it claimed. */
    public int work() {
        Instant now = Instant.now(clock);
        List<ClaimedTask> claimed = QuarkusTransaction.requiringNew().call(() -> {
            List<ClaimedTask> due = tasks.claimDue(now, now.plus(lease), batchSize);
            due.stream().map(ClaimedTask::requestId).distinct().forEach(requests::started);
            return due;
        });
        claimed.forEach(this::perform);
        return claimed.size();
    }

    private void perform(ClaimedTask task) {
        ParticipantAnswer<?> answer = calls.call(task);
        Instant at = Instant.now(clock);
        QuarkusTransaction.requiringNew().run(() -> {
            if (answer.answered()) {
                tasks.done(task.requestId(), task.participant(), toJson(answer.result()), at);
                if (requests.completeIfAllDone(task.requestId(), at)) {
                    LOG.infof("Data-subject request %s completed", task.requestId());
                }
            } else if (answer.refused()) {
                tasks.refused(task.requestId(), task.participant(), answer.error());
                LOG.warnf(
                        "Data-subject request %s: %s refused its task (%s); it needs the dpo's attention",
                        task.requestId(), task.participant(), answer.error());
            } else {
                tasks.retryLater(
                        task.requestId(), task.participant(), answer.error(), at.plus(backoffAfter(task.attempts())));
            }
        });
    }

    /** retry-initial, doubled with every further attempt, at most retry-max. */
    public Duration backoffAfter(int attempts) {
        Duration wait = retryInitial;
        for (int i = 1; i < attempts && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) < 0 ? wait : retryMax;
    }

    private String toJson(Object result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a service's answer cannot be stored", e);
        }
    }
}
