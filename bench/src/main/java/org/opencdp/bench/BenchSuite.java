package org.opencdp.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.LocalStack;
import org.opencdp.localstack.Service;
import org.opencdp.localstack.StackLayout;
import org.opencdp.localstack.StackPorts;

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

    private final LocalStack stack;
    private final Diagnostics diagnostics;
    /** HTTP/1.1, as browsers and proxies speak to a service; the JDK client would otherwise upgrade to h2c. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private String token;
    private long tokenFetchedAt;

    private BenchSuite(LocalStack stack, Diagnostics diagnostics) {
        this.stack = stack;
        this.diagnostics = diagnostics;
    }

    static BenchSuite start(Path repoRoot) {
        StackLayout layout = StackLayout.forRepo(repoRoot)
                .withStateDir(repoRoot.resolve("bench/target/stack"))
                .withPorts(StackPorts.benchmark());
        LocalStack stack = new LocalStack(layout, line -> System.out.println("[bench suite] " + line));
        stack.stop();
        stack.discardState();
        BenchSuite suite = new BenchSuite(stack, Diagnostics.prepare(stack));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::cancelStartAndStop, "bench-suite-stop"));
        stack.start();
        try {
            suite.diagnostics.startServerLogging();
        } catch (SQLException e) {
            throw new IllegalStateException("could not switch on PostgreSQL's diagnostics", e);
        }
        return suite;
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

    /** An access token of a demo user, from the realm by password grant, renewed before it expires. */
    synchronized String token(DemoUser user) {
        if (token == null || System.nanoTime() - tokenFetchedAt > TOKEN_REFRESH.toNanos()) {
            token = login(user);
            tokenFetchedAt = System.nanoTime();
        }
        return token;
    }

    private String login(DemoUser user) {
        String form = "grant_type=password&client_id=cdp-frontend&username=" + user.username() + "&password="
                + URLEncoder.encode(DemoUser.PASSWORD, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(stack.layout().realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "login of " + user.username() + " failed: HTTP " + response.statusCode());
            }
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (Exception e) {
            throw new IllegalStateException("login of " + user.username() + " failed", e);
        }
    }

    @Override
    public void close() {
        stack.stopAndDropDatabase();
    }
}
