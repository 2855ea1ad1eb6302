package org.opencdp.servicecalls;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.Config;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.Guard;

/**
 * The one way a service calls another: a REST client for the target's base URL
 * ({@code opencdp.services.<name>.url}) that carries this service's client-credentials token for the target's
 * audience ({@link ServiceTokens#audienceOf(String)}), with connect and
 * read timeouts, retries of transient failures and a circuit breaker per target service, so a service that is
 * down costs its callers little.
 *
 * <pre>{@code
 * SubjectDataExport export = clients.call("behaviour", SubjectRightsApi.class, api -> api.export(subjectId));
 * }</pre>
 */
@ApplicationScoped
public class ServiceClients {

    static final long CONNECT_TIMEOUT_MS = 2_000;
    static final long READ_TIMEOUT_MS = 10_000;
    /** How long {@link #call(String, Class, Function)} waits for an answer. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMillis(READ_TIMEOUT_MS);

    private static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

    @Inject
    Config config;

    @Inject
    ServiceTokens tokens;

    @Inject
    TransactionManager transactions;

    private final Map<String, Object> clients = new ConcurrentHashMap<>();
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();

    /**
     * Calls {@code service} through {@code api}. Connection failures, timeouts and 5xx answers are retried twice;
     * 4xx answers are not (the request itself is wrong). Failures surface as the REST client's exceptions
     * ({@link WebApplicationException}, {@link ProcessingException}) or as a circuit-breaker rejection.
     */
    public <A, T> T call(String service, Class<A> api, Function<A, T> call) {
        return call(service, api, DEFAULT_READ_TIMEOUT, call);
    }

    /**
     * As {@link #call(String, Class, Function)}, waiting up to {@code readTimeout} for the answer: for the few calls
     * whose work grows with the data (a purge run), not for anything a person waits for.
     */
    @SuppressWarnings("unchecked")
    public <A, T> T call(String service, Class<A> api, Duration readTimeout, Function<A, T> call) {
        A client = client(service, api, readTimeout.toMillis());
        // A call to another service is never part of the caller's database transaction: it is suspended for the
        // call. Otherwise context propagation lets the REST client's threads join it, and Narayana refuses the
        // commit ("multiple threads active") and rolls the caller's work back.
        Transaction suspended = suspendTransaction();
        try {
            return (T) guard(service).get(() -> call.apply(client), Object.class);
        } finally {
            resume(suspended);
        }
    }

    private Transaction suspendTransaction() {
        try {
            return transactions.getStatus() == Status.STATUS_NO_TRANSACTION ? null : transactions.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("the caller's transaction could not be suspended", e);
        }
    }

    private void resume(Transaction suspended) {
        if (suspended == null) {
            return;
        }
        try {
            transactions.resume(suspended);
        } catch (InvalidTransactionException | SystemException e) {
            throw new IllegalStateException("the caller's transaction could not be resumed", e);
        }
    }

    /** The base URL configured for a service, e.g. {@code http://localhost:8082} for "behaviour". */
    public URI baseUri(String service) {
        return URI.create(config.getValue("opencdp.services." + service + ".url", String.class));
    }

    /**
     * A REST client for {@code service} that carries no token of this service: for a call made on behalf of the
     * person asking, with their own token (frontend tokens carry the audiences of the services they may call, so the
     * called service applies its own role rules to that person). The api's methods take the caller's
     * {@code Authorization} header as a parameter, read on the request's thread. Errors are not turned into exceptions
     * (methods return {@code Response}) and nothing is retried: the caller answers a person waiting and guards the call
     * itself (timeout, circuit breaker, bulkhead).
     */
    @SuppressWarnings("unchecked")
    public <A> A onBehalfOfCaller(String service, Class<A> api) {
        return (A) clients.computeIfAbsent(
                "caller|" + service + "|" + api.getName(),
                key -> QuarkusRestClientBuilder.newBuilder()
                        .baseUri(baseUri(service))
                        .connectTimeout(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                        .readTimeout(READ_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                        .property(DISABLE_DEFAULT_MAPPER, true)
                        .build(api));
    }

    @SuppressWarnings("unchecked")
    <A> A client(String service, Class<A> api, long readTimeoutMs) {
        return (A) clients.computeIfAbsent(
                service + "|" + api.getName() + "|" + readTimeoutMs,
                key -> QuarkusRestClientBuilder.newBuilder()
                        .baseUri(baseUri(service))
                        .connectTimeout(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                        .readTimeout(readTimeoutMs, TimeUnit.MILLISECONDS)
                        .register(new ServiceTokenFilter(tokens, ServiceTokens.audienceOf(service)))
                        .build(api));
    }

    private Guard guard(String service) {
        return guards.computeIfAbsent(
                service,
                name -> Guard.create()
                        .withDescription("calls to " + name)
                        .withRetry()
                        .maxRetries(2)
                        .delay(200, ChronoUnit.MILLIS)
                        .jitter(100, ChronoUnit.MILLIS)
                        .whenException(ServiceClients::isTransient)
                        .done()
                        .withCircuitBreaker()
                        .name("service-" + name)
                        .requestVolumeThreshold(10)
                        .failureRatio(0.5)
                        .delay(10, ChronoUnit.SECONDS)
                        .when(ServiceClients::isTransient)
                        .done()
                        .build());
    }

    static boolean isTransient(Throwable failure) {
        if (failure instanceof WebApplicationException http) {
            return http.getResponse() != null && http.getResponse().getStatus() >= 500;
        }
        return failure instanceof ProcessingException
                || failure instanceof java.io.IOException
                || failure.getCause() instanceof java.io.IOException;
    }
}
