package org.opencdp.tracking.tracker;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The web server of the tracker's browser test, on a free loopback port. It serves what tracking-service serves, the
 * demo page and the minified tracker, from the classpath (so the files the build made), and the test pages of
 * src/test/resources/tracker-test under /shop/. It records every request, and answers
 * {@code POST /api/v1/collect/{siteKey}} as the tracker protocol says: 200 unless the test asked for another answer.
 * <p>
 * The same server has two origins: {@link #url} (http://localhost:port), the website, and {@link #otherOrigin}
 * (http://127.0.0.1:port), for a test page that loads the tracker from another host, as websites do.
 */
final class TestSite implements AutoCloseable {

    static final String COLLECT_PATH = "/api/v1/collect/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, List<Map<String, Object>>>> BATCH = new TypeReference<>() {};

    /** One request as it arrived; header names in lower case. */
    record Received(String method, String path, Map<String, String> headers, String body, long arrivedAtMillis) {

        List<Map<String, Object>> events() {
            try {
                return JSON.readValue(body, BATCH).get("events");
            } catch (IOException e) {
                throw new IllegalStateException("not a batch of events: " + body, e);
            }
        }
    }

    /** The answer to one collect request: a status with an optional Retry-After. */
    private record Answer(int status, String retryAfter) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Answer> nextAnswers = new ConcurrentLinkedQueue<>();
    private volatile long breakConnectionsForMillis;
    private volatile long breakConnectionsUntil;

    private TestSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static TestSite start() throws IOException {
        return new TestSite();
    }

    String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    String otherOrigin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answerNextCollect(int status, String retryAfter) {
        nextAnswers.add(new Answer(status, retryAfter));
    }

    /**
     * Breaks the connection of every collect request, without an answer, for a while from the next one on. A while, not
     * one request: the browser itself repeats a request once at once when a reused connection breaks, and only a
     * repetition after the while can be the tracker's own.
     */
    void breakCollectConnectionsFor(long millis) {
        breakConnectionsForMillis = millis;
    }

    long collectConnectionsBrokenUntil() {
        return breakConnectionsUntil;
    }

    List<Received> requests() {
        return List.copyOf(received);
    }

    List<Received> collects() {
        return received.stream()
                .filter(r -> r.path().startsWith(COLLECT_PATH) && r.method().equals("POST"))
                .toList();
    }

    /** The events of every collect request, in the order they arrived, whatever the answer was. */
    List<Map<String, Object>> events() {
        return collects().stream().flatMap(r -> r.events().stream()).toList();
    }

    List<Map<String, Object>> events(String type) {
        return events().stream().filter(e -> type.equals(e.get("type"))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(
                            h -> h.getKey().toLowerCase(Locale.ROOT), h -> String.join(",", h.getValue())));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request =
                    new Received(exchange.getRequestMethod(), path, headers, body, System.currentTimeMillis());
            received.add(request);

            if (path.startsWith(COLLECT_PATH)) {
                collect(exchange, request);
            } else if (path.startsWith("/tracker/")) {
                serve(exchange, "META-INF/resources" + path, null);
            } else if (path.startsWith("/shop/")) {
                serve(exchange, "tracker-test/" + path.substring("/shop/".length()), otherOrigin());
            } else {
                send(exchange, 404, "text/plain", "not here");
            }
        }
    }

    private void collect(HttpExchange exchange, Received request) throws IOException {
        String origin = request.headers().get("origin");
        if (origin != null) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().add("Access-Control-Expose-Headers", "Retry-After");
            exchange.getResponseHeaders().add("Vary", "Origin");
        }
        if (exchange.getRequestMethod().equals("OPTIONS")) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "POST");
            exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type");
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        if (breakConnectionsForMillis > 0) {
            breakConnectionsUntil = request.arrivedAtMillis() + breakConnectionsForMillis;
            breakConnectionsForMillis = 0;
        }
        if (request.arrivedAtMillis() < breakConnectionsUntil) {
            return; // closing the exchange without an answer breaks the connection: the browser sees a network error
        }
        Answer answer = nextAnswers.poll();
        if (answer == null) {
            int events = request.events().size();
            send(exchange, 200, "application/json", "{\"accepted\":" + events + ",\"dropped\":0}");
        } else {
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            send(
                    exchange,
                    answer.status(),
                    "application/problem+json",
                    "{\"title\":\"answer chosen by the test\",\"status\":" + answer.status() + "}");
        }
    }

    /** A classpath resource; in test pages, ${trackerOrigin} becomes the other origin. */
    private void serve(HttpExchange exchange, String resource, String trackerOrigin) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                send(exchange, 404, "text/plain", "no " + resource);
                return;
            }
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (trackerOrigin != null) {
                content = content.replace("${trackerOrigin}", trackerOrigin);
            }
            String type = resource.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8";
            send(exchange, 200, type, content);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.getResponseHeaders().add("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
