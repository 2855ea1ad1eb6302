package org.opencdp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opencdp.localstack.DemoShop;
import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.LocalStack;
import org.opencdp.localstack.Service;
import org.opencdp.localstack.StackLayout;
import org.opencdp.localstack.StackPorts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The suite a benchmark loads: started by the same code as `make run`, fresh, with its state in bench/target/stack
 * and on its own ports ({@link StackPorts#benchmark()}), so it runs beside a developer's suite (which would,
 * however, share the CPU and distort the figures: stop it first).
 */
final class BenchSuite implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Tokens live five minutes in the realm; a fresh one well before that. */
    private static final Duration TOKEN_REFRESH = Duration.ofMinutes(3);

    /**
     * The bulk-read guard (libs/rate-limits) lets a caller make 300 searches a minute; the searches' latency and
     * throughput are measured by one caller for minutes: 100,000,000 a minute for the bench. The guard still checks every search; it
     * only refuses none.
     */
    private static final Map<String, String> SETTINGS = Map.of("OPENCDP_BULK_READ_LIMITS_SEARCH_CAPACITY", "100000000");

    private final LocalStack stack;
    private final Diagnostics diagnostics;
    /** HTTP/1.1, as browsers and proxies speak to a service; the JDK client would otherwise upgrade to h2c. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Tokens by who holds them (a demo user, or the shop's client for a service), with when they were fetched. */
    private final Map<String, Token> tokens = new HashMap<>();

    private record Token(String value, long fetchedAt) {
        boolean fresh() {
            return System.nanoTime() - fetchedAt < TOKEN_REFRESH.toNanos();
        }
    }

    private BenchSuite(LocalStack stack, Diagnostics diagnostics) {
        this.stack = stack;
        this.diagnostics = diagnostics;
    }

    static BenchSuite start(Path repoRoot) {
        StackLayout layout = StackLayout.forRepo(repoRoot)
                .withStateDir(repoRoot.resolve("bench/target/stack"))
                .withPorts(StackPorts.benchmark())
                .withServiceSettings(SETTINGS);
        LocalStack stack = new LocalStack(layout, line -> System.out.println("[bench suite] " + line));
        stack.stop();
        stack.discardState();
        BenchSuite suite = new BenchSuite(stack, Diagnostics.prepare(stack));
        for (Service service : Service.values()) {
            // An A/B of one service's JVM options (e.g. another collector), after jvm.options: bench/README.md.
            String options = System.getProperty("bench.jvm-options." + service.serviceName(), "")
                    .strip();
            if (!options.isEmpty()) {
                stack.addJvmOptions(service, List.of(options.split("\\s+")));
                System.out.println("[bench suite] " + service.serviceName() + " with the JVM options " + options);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::cancelStartAndStop, "bench-suite-stop"));
        stack.start();
        try {
            suite.diagnostics.startServerLogging();
        } catch (SQLException e) {
            throw new IllegalStateException("could not switch on PostgreSQL's diagnostics", e);
        }
        return suite;
    }

    Path repoRoot() {
        return stack.layout().repoRoot();
    }

    /** What ran during a measured phase (issue 8). */
    Diagnostics diagnostics() {
        return diagnostics;
    }

    LocalStack stack() {
        return stack;
    }

    HttpClient http() {
        return http;
    }

    String url(Service service) {
        return stack.layout().serviceUrl(service);
    }

    /** {@code POST url} with a JSON body as the token's holder; the answer, whatever its status. */
    HttpResponse<String> post(String url, String token, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** {@code GET url} as the token's holder; the answer, whatever its status. */
    HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON of a 200 answer; any other status fails the scenario, naming {@code what} answered it. */
    static JsonNode readOk(HttpResponse<String> answer, String what) throws Exception {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(what + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** The service's Prometheus metrics (management port), as text. */
    String metrics(Service service) throws IOException, InterruptedException {
        HttpResponse<String> metrics = http.send(
                HttpRequest.newBuilder(URI.create(stack.layout().managementUrl(service) + "/q/metrics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (metrics.statusCode() != 200) {
            throw new IllegalStateException(
                    service.serviceName() + "'s /q/metrics answered HTTP " + metrics.statusCode());
        }
        return metrics.body();
    }

    /** A connection to a service's database as the cluster's superuser (COPY ceilings, maintenance, checks). */
    Connection database(Service service) throws SQLException {
        return stack.postgres().connect(service.database());
    }

    /** An access token of a demo user, from the realm by password grant, renewed before it expires. */
    String token(DemoUser user) {
        return token(
                user.username(),
                "grant_type=password&client_id=cdp-frontend&username=" + user.username() + "&password="
                        + URLEncoder.encode(DemoUser.PASSWORD, StandardCharsets.UTF_8));
    }

    /**
     * The demo shop's token for calling {@code target} (client credentials, the target's audience), as a shop
     * system imports orders and records consents.
     */
    String shopToken(Service target) {
        return token(
                DemoShop.CLIENT_ID + " for " + target.serviceName(),
                "grant_type=client_credentials&client_id=" + DemoShop.CLIENT_ID + "&client_secret="
                        + URLEncoder.encode(DemoShop.SECRET, StandardCharsets.UTF_8) + "&scope="
                        + target.serviceName());
    }

    private synchronized String token(String holder, String form) {
        Token token = tokens.get(holder);
        if (token == null || !token.fresh()) {
            token = new Token(fetchToken(holder, form), System.nanoTime());
            tokens.put(holder, token);
        }
        return token.value();
    }

    private String fetchToken(String holder, String form) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(stack.layout().realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token of " + holder + " refused: HTTP " + response.statusCode());
            }
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("token of " + holder + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("token of " + holder + " interrupted", e);
        }
    }

    @Override
    public void close() {
        stack.stopAndDropDatabase();
    }
}
