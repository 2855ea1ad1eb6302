package org.opencdp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The schedule and latency arithmetic of {@link OpenLoop}, against a stub server in this JVM. */
class OpenLoopTest {

    private static final Duration STALL = Duration.ofMillis(300);

    static {
        // The JDK's server otherwise writes an answer's headers and body in two packets with Nagle's algorithm on,
        // so each answer waits for the client's delayed acknowledgement (40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final AtomicInteger received = new AtomicInteger();
    /** One thread: while it stalls, every request waits, as behind a saturated service. */
    private final ExecutorService serverThread = Executors.newSingleThreadExecutor();

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
        serverThread.shutdownNow();
        http.close();
    }

    @Test
    void requestsAreDueAtEvenIntervalsWithoutAccumulatingRounding() {
        assertThat(OpenLoop.dueAt(1_000, 0, 3)).isEqualTo(1_000);
        assertThat(OpenLoop.dueAt(1_000, 1, 3)).isEqualTo(1_000 + 333_333_333);
        assertThat(OpenLoop.dueAt(1_000, 3, 3)).isEqualTo(1_000 + 1_000_000_000);
        assertThat(OpenLoop.dueAt(0, 2_999, 3_000)).isEqualTo(999_666_667);
    }

    @Test
    void percentilesAreTheNearestRank() {
        long[] millis =
                LongStream.rangeClosed(1, 1_000).map(ms -> ms * 1_000_000).toArray();
        OpenLoop.Result result = new OpenLoop.Result(1_000, millis, 990, Duration.ofSeconds(1), 0);

        assertThat(result.p50()).isEqualTo(500.0);
        assertThat(result.p99()).isEqualTo(990.0);
        assertThat(result.p999()).isEqualTo(999.0);
        assertThat(result.perSecond()).isEqualTo(990.0);
    }

    @Test
    void aFastServerGetsEveryRequestAtTheRateOffered() throws Exception {
        start(exchange -> answer(exchange, 200));

        OpenLoop.Result result = new OpenLoop(4).run(200, Duration.ofSeconds(1), this::request, ok());

        assertThat(received).hasValue(200);
        assertThat(result.latencyNanos()).hasSize(200);
        assertThat(result.perSecond()).isBetween(OpenLoop.RATE_KEPT * 200, 200.0);
        assertThat(result.keptPercent()).isGreaterThanOrEqualTo(OpenLoop.RATE_KEPT * 100);
        assertThat(result.p50()).isLessThan(50);
    }

    @Test
    void aStallCountsForEveryRequestDueDuringItNotJustTheOneThatMetIt() throws Exception {
        start(exchange -> {
            if (received.get() == 51) {
                sleep(STALL);
            }
            answer(exchange, 200);
        });

        OpenLoop.Result result = new OpenLoop(4).run(200, Duration.ofSeconds(1), this::request, ok());

        // Due every 5 ms: the ~60 requests due during the 300 ms stall waited for it, counted from their due time
        // (a closed loop would have timed only the one that met the stall as slow).
        long slow = Arrays.stream(result.latencyNanos())
                .filter(nanos -> nanos >= 100_000_000)
                .count();
        assertThat(slow).isGreaterThanOrEqualTo(30);
        assertThat(result.percentile(1.0)).isGreaterThanOrEqualTo(STALL.toMillis() - 10.0);
        assertThat(result.p99()).isGreaterThan(200);
    }

    @Test
    void aWrongAnswerFailsTheRun() throws Exception {
        start(exchange -> answer(exchange, 500));

        assertThatThrownBy(() -> new OpenLoop(4).run(50, Duration.ofMillis(200), this::request, ok()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("10 of 10 requests failed or were answered wrongly")
                .hasMessageContaining("status 500: ok");
    }

    @Test
    void aPostGoesOutWithItsBodyAndAChunkedAnswerIsReadWhole() throws Exception {
        start(exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0); // 0: chunked
            exchange.getResponseBody().write(body);
            exchange.getResponseBody().write("-seen".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });

        OpenLoop.Result result = new OpenLoop(2)
                .run(
                        100,
                        Duration.ofMillis(500),
                        i -> OpenLoop.Request.post(request(i).uri(), Map.of("Content-Type", "text/plain"), "ä" + i),
                        answer -> answer.statusCode() == 200
                                && answer.body()
                                        .equals(new String(answer.request().body(), StandardCharsets.UTF_8) + "-seen"));

        assertThat(result.latencyNanos()).hasSize(50);
        assertThat(received).hasValue(50);
    }

    @Test
    void aServerSlowerThanTheRateDoesNotKeepIt() throws Exception {
        start(exchange -> {
            sleep(Duration.ofMillis(20));
            answer(exchange, 200);
        });

        // 100/s offered, 50/s served by the one thread: the answers come at about half the rate.
        OpenLoop.Result result = new OpenLoop(4).run(100, Duration.ofSeconds(1), this::request, ok());

        assertThat(result.keptPercent()).isLessThan(OpenLoop.RATE_KEPT * 100);
        assertThat(result.p99()).isGreaterThan(200);
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void start(Handler handler) throws IOException, InterruptedException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        // Counted before it is answered: once the client has every answer, the count is complete.
        server.createContext("/", exchange -> {
            received.incrementAndGet();
            handler.handle(exchange);
        });
        server.setExecutor(serverThread);
        server.start();
        // Loads and links the client's and the server's code first, as a benchmark's warm-up does: the first
        // requests of a fresh JVM take far longer than a test run's period.
        for (int i = 0; i < 50; i++) {
            http.send(HttpRequest.newBuilder(request(i).uri()).build(), HttpResponse.BodyHandlers.discarding());
        }
        received.set(0);
    }

    private OpenLoop.Request request(int i) {
        return OpenLoop.Request.get(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + i), Map.of());
    }

    private static Predicate<OpenLoop.Answer> ok() {
        return answer -> answer.statusCode() == 200 && answer.body().equals("ok");
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
