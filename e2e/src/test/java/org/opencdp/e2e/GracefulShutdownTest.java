package org.opencdp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

import io.restassured.path.json.JsonPath;

/**
 * Issue 15, "Prove the shutdown locally": profile-service gets SIGTERM (as the kubelet sends it after the preStop
 * pause) while several clients create customers, and no request it accepted is lost. Every create answered 2xx is in
 * the database, with its change event in the outbox, delivered to behaviour-service after the restart; every other
 * request was refused (503 while draining, or no connection at all) and stored nothing. A request whose connection
 * closed without an answer is the one outcome a client cannot judge: it is counted apart and must have stored
 * nothing either, or the service dropped the answer of a request it had carried out.
 */
@WithLocalSuite
class GracefulShutdownTest {

    private static final int CLIENTS = 6;
    /** SIGTERM comes once the load runs: this many creates answered 201 (the first ones warm the service up). */
    private static final int ACCEPTED_BEFORE_SIGTERM = 5 * CLIENTS;

    private static final Duration LOAD_AFTER_STOP = Duration.ofSeconds(1);
    /** A refused client waits before trying again, as a load balancer marks a backend down for a moment. */
    private static final Duration PAUSE_AFTER_REFUSAL = Duration.ofMillis(100);

    private static E2eSuite suite;

    @BeforeAll
    static void connect(E2eSuite started) {
        suite = started;
    }

    @Test
    void sigtermUnderLoadLosesNoAcceptedCreateAndNoChangeEvent() throws Exception {
        String token = suite.keycloak().login(DemoUser.SALES);
        URI creates = URI.create(suite.url(Service.PROFILE) + "/api/v1/customers");
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        long customersBefore = customerCount();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                running.add(clients.submit(() -> createUntilStopped(creates, token, loading, outcomes)));
            }
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> outcomes.stream()
                                    .filter(o -> o.kind() == Kind.ACCEPTED)
                                    .count()
                            >= ACCEPTED_BEFORE_SIGTERM);
            // TERM to the process group, then waits until the JVM has exited (KILL only after 30 s).
            suite.stack().stopService(Service.PROFILE);
            Thread.sleep(LOAD_AFTER_STOP);
        } finally {
            loading.set(false);
            for (Future<?> client : running) {
                client.get();
            }
            clients.shutdown();
            suite.stack().startService(Service.PROFILE);
        }

        Map<Kind, List<Outcome>> byKind = outcomes.stream().collect(Collectors.groupingBy(Outcome::kind));
        System.out.println("[shutdown under load] "
                + byKind.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().size())
                        .collect(Collectors.joining(", ")));
        List<Outcome> accepted = byKind.getOrDefault(Kind.ACCEPTED, List.of());

        assertThat(log())
                .as("profile-service stopped by itself on SIGTERM, not killed")
                .contains("stopped in");
        assertThat(accepted).as("creates accepted").hasSizeGreaterThanOrEqualTo(ACCEPTED_BEFORE_SIGTERM);
        assertThat(byKind.getOrDefault(Kind.REFUSED_AT_CONNECT, List.of()))
                .as("the load went on until the port was closed")
                .isNotEmpty();
        assertThat(byKind.getOrDefault(Kind.OTHER_STATUS, List.of()))
                .as("no answer but 201 or 503")
                .extracting(Outcome::status)
                .isEmpty();

        List<UUID> acceptedIds = accepted.stream().map(Outcome::customerId).toList();
        assertThat(countWhereIdIn("SELECT count(*) FROM customer WHERE id = ANY(?)", acceptedIds))
                .as("every accepted create is stored")
                .isEqualTo(acceptedIds.size());
        assertThat(customerCount() - customersBefore)
                .as("nothing else is stored: no refused request, and none whose connection closed without an answer")
                .isEqualTo(acceptedIds.size());
        assertThat(countWhereIdIn(
                        "SELECT count(DISTINCT subject_id) FROM outbox_event WHERE subject_id = ANY(?)", acceptedIds))
                .as("every accepted create has its change event in the outbox")
                .isEqualTo(acceptedIds.size());
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(countWhereIdIn("""
                                SELECT count(*) FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id
                                WHERE e.subject_id = ANY(?) AND d.delivered_at IS NULL""", acceptedIds))
                        .as("change events of accepted creates not yet delivered after the restart")
                        .isZero());
    }

    /** One client: creates customers one after the other until told to stop, recording each outcome. */
    private static void createUntilStopped(
            URI creates, String token, AtomicBoolean loading, ConcurrentLinkedQueue<Outcome> outcomes) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        while (loading.get()) {
            String email = "shutdown." + UUID.randomUUID() + "@example.de";
            Outcome outcome = create(http, creates, token, email);
            outcomes.add(outcome);
            if (outcome.kind() != Kind.ACCEPTED) {
                pause();
            }
        }
        http.close();
    }

    private static Outcome create(HttpClient http, URI creates, String token, String email) {
        HttpRequest request = HttpRequest.newBuilder(creates)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"type": "PERSON", "givenName": "Erika", "familyName": "Mustermann", "language": "de",
                         "emails": [{"address": "%s"}]}""".formatted(email)))
                .build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            return switch (answer.statusCode()) {
                case 201 ->
                    new Outcome(Kind.ACCEPTED, UUID.fromString(new JsonPath(answer.body()).getString("id")), 201);
                case 503 -> new Outcome(Kind.REFUSED_WITH_503, null, 503);
                default -> new Outcome(Kind.OTHER_STATUS, null, answer.statusCode());
            };
        } catch (ConnectException refused) {
            return new Outcome(Kind.REFUSED_AT_CONNECT, null, 0);
        } catch (IOException closed) {
            // Reset or end of stream after the request was sent, or no answer in time.
            return new Outcome(Kind.CLOSED_WITHOUT_ANSWER, null, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** No other test runs meanwhile, so every customer added during this one is one of its creates. */
    private static long customerCount() throws SQLException {
        try (Connection c = suite.stack().postgres().connect(Service.PROFILE.database());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM customer")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long countWhereIdIn(String sql, List<UUID> ids) throws SQLException {
        try (Connection c = suite.stack().postgres().connect(Service.PROFILE.database());
                PreparedStatement s = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("uuid", ids.toArray());
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The log of the run that was stopped (a start rotates it to *.previous). */
    private static String log() throws IOException {
        var current = suite.layout().log(Service.PROFILE.serviceName());
        return Files.readString(current.resolveSibling(current.getFileName() + ".previous"));
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_REFUSAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    enum Kind {
        ACCEPTED,
        REFUSED_WITH_503,
        REFUSED_AT_CONNECT,
        CLOSED_WITHOUT_ANSWER,
        OTHER_STATUS
    }

    /** status: the HTTP status, 0 when there was none. */
    record Outcome(Kind kind, UUID customerId, int status) {}
}
