package org.opencdp.profile.api;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * behaviour-, tracking- and consent-service as the 360° view sees them, for the tests: a real HTTP server (the JDK's)
 * on a free port, answering each subject as a test tells it to: with data, slowly, with 500, 403 or 404, or by
 * closing the connection without an answer. Real sockets, so the view's real timeouts and circuit breakers act.
 */
final class View360Services {

    enum Answer {
        DATA,
        /** 200 with the KPIs' segment part alone, as behaviour-service answers a service agent's token. */
        SEGMENT,
        SLOW,
        FAIL,
        FORBIDDEN,
        NOT_FOUND,
        DROP,
        /** 200 with a body that is not the service's JSON. */
        GARBAGE
    }

    /** How long a SLOW answer takes: far beyond the view's timeout. */
    static final long SLOW_MILLIS = 8_000;

    /**
     * The view's timeout in these tests: longer than the shipped 300 ms, because the machines running the tests are
     * often busy and a first call warms up its client; still far below a SLOW answer.
     */
    static final long TIMEOUT_MILLIS = 1_500;

    static final String KPIS = """
            {"subjectId":"%s","currency":"EUR","totalRevenue":400.00,"orderCount":4,"averageOrderValue":100.00,
             "firstPurchase":"2026-01-30T12:00:00Z","lastPurchase":"2026-11-16T12:00:00Z","purchaseDays":4,
             "meanDaysBetweenPurchases":96.67,"medianDaysBetweenPurchases":100.00,"nextExpectedPurchase":"2027-02-21",
             "recencyScore":4,"frequencyScore":5,"monetaryScore":5,"rfmSegment":"loyal","historicalClv":400.00,
             "predictedClv":212.40,"probabilityAlive":0.93,"computedAt":"2026-11-26T03:00:04Z",
             "revenuePerMonth":[{"month":"2026-01","revenue":100.00,"orders":1}]}""";

    static final String KPIS_SEGMENT = """
            {"subjectId":"%s","recencyScore":4,"frequencyScore":5,"monetaryScore":5,"rfmSegment":"loyal",
             "computedAt":"2026-11-26T03:00:04Z"}""";

    static final String WEB_ACTIVITY = """
            {"lastVisit":"2026-11-26T14:04:02.731Z","visits":7,"topPages":[{"url":"https://shop.example/tents","views":9}]}""";

    private static final Pattern KPIS_PATH = Pattern.compile("/api/v1/customers/([0-9a-f-]{36})/kpis");
    private static final Pattern WEB_PATH = Pattern.compile("/api/v1/subjects/([0-9a-f-]{36})/web-activity");
    private static final ObjectMapper JSON = new ObjectMapper();

    // Quarkus loads the test profile and the test in different class loaders, so they cannot share this object:
    // the profile starts the server, and the test tells it how to answer through its /control paths.
    private final Map<String, Map<UUID, Answer>> answers = new ConcurrentHashMap<>();
    /** Purposes a subject has not consented to (every other purpose is allowed). */
    private final Map<UUID, Set<String>> refused = new ConcurrentHashMap<>();
    /** Every call: "METHOD path Authorization". */
    private final List<String> calls = new CopyOnWriteArrayList<>();

    private final HttpServer server;

    private View360Services() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ExecutorService threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private Answer answerOf(String service, UUID subject) {
        return answers.getOrDefault(service, Map.of()).getOrDefault(subject, Answer.DATA);
    }

    private boolean control(HttpExchange exchange, String path, String body) throws IOException {
        String[] parts = path.split("/");
        if (path.startsWith("/control/answers/")) {
            answers.computeIfAbsent(parts[3], key -> new ConcurrentHashMap<>())
                    .put(UUID.fromString(parts[4]), Answer.valueOf(parts[5]));
        } else if (path.startsWith("/control/refused/")) {
            refused.put(UUID.fromString(parts[3]), Set.of(body.split(",")));
        } else if (path.equals("/control/calls")) {
            send(exchange, 200, String.join("\n", calls));
            exchange.close();
            return true;
        } else {
            return false;
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
        return true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (control(exchange, path, body)) {
            return;
        }
        calls.add(exchange.getRequestMethod() + " " + path + " "
                + exchange.getRequestHeaders().getFirst("Authorization"));
        Matcher kpis = KPIS_PATH.matcher(path);
        Matcher web = WEB_PATH.matcher(path);
        if (kpis.matches()) {
            UUID subject = UUID.fromString(kpis.group(1));
            Answer how = answerOf("behaviour", subject);
            answer(exchange, how, (how == Answer.SEGMENT ? KPIS_SEGMENT : KPIS).formatted(subject));
        } else if (web.matches()) {
            answer(exchange, answerOf("tracking", UUID.fromString(web.group(1))), WEB_ACTIVITY);
        } else if (path.equals("/api/v1/decisions")) {
            decide(exchange, JSON.readTree(body));
        } else {
            // the outbox relay's profile events to behaviour-service: taken
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        }
    }

    private void decide(HttpExchange exchange, JsonNode request) throws IOException {
        ObjectNode response = JSON.createObjectNode();
        ArrayNode decisions = response.putArray("decisions");
        Answer how = Answer.DATA;
        for (JsonNode pair : request.path("pairs")) {
            UUID subject = UUID.fromString(pair.path("subjectId").asText());
            how = answerOf("consent", subject) == Answer.DATA ? how : answerOf("consent", subject);
            String purpose = pair.path("purpose").asText();
            boolean allowed = !refused.getOrDefault(subject, Set.of()).contains(purpose);
            ObjectNode decision = decisions.addObject();
            decision.put("subjectId", subject.toString());
            decision.put("purpose", purpose);
            decision.put("allowed", allowed);
            decision.put("legalBasis", "CONSENT");
            decision.put("entryId", allowed ? UUID.randomUUID().toString() : null);
            decision.put("reason", allowed ? "GRANTED" : "NOT_GRANTED");
        }
        answer(exchange, how, JSON.writeValueAsString(response));
    }

    private static void answer(HttpExchange exchange, Answer how, String data) throws IOException {
        switch (how) {
            case DATA, SEGMENT -> send(exchange, 200, data);
            case SLOW -> {
                try {
                    Thread.sleep(SLOW_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(exchange, 200, data);
            }
            case FAIL -> send(exchange, 500, "{\"title\":\"Internal Server Error\",\"status\":500}");
            case FORBIDDEN -> send(exchange, 403, "{\"title\":\"Forbidden\",\"status\":403}");
            case NOT_FOUND -> send(exchange, 404, "{\"title\":\"Not Found\",\"status\":404}");
            case GARBAGE -> send(exchange, 200, "{\"totalRevenue\": \"<script>\", \"orderCount\": [");
            case DROP -> {
                // closed below before any answer: the caller sees the connection end
            }
        }
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException closedByTheCaller) {
            // the view gave up waiting (timeout): nobody reads this answer any more
        }
    }

    /** The test profile: starts the server and points the three services at it. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String url = new View360Services().url();
            return Map.of(
                    "opencdp.services.behaviour.url",
                    url,
                    "opencdp.services.tracking.url",
                    url,
                    "opencdp.services.consent.url",
                    url,
                    "%test.opencdp.services.consent.url",
                    url,
                    "quarkus.fault-tolerance.\"org.opencdp.profile.client.GuardedOverviewCalls\".timeout.value",
                    Long.toString(TIMEOUT_MILLIS));
        }
    }

    /** The test's side: tells the server (the one the application under test calls) how to answer. */
    static final class Control {

        private final HttpClient http = HttpClient.newHttpClient();
        private final String url = ConfigProvider.getConfig().getValue("opencdp.services.behaviour.url", String.class);

        /** How {@code service} (behaviour, tracking, consent) answers about {@code subject} from now on. */
        void answer(String service, UUID subject, Answer how) {
            send("PUT", "/control/answers/" + service + "/" + subject + "/" + how, "");
        }

        /** The purposes the subject has not consented to. */
        void refuse(UUID subject, String... purposes) {
            send("PUT", "/control/refused/" + subject, String.join(",", purposes));
        }

        List<String> calls() {
            String all = send("GET", "/control/calls", null);
            return all.isEmpty() ? List.of() : List.of(all.split("\n"));
        }

        long callsTo(String pathPart) {
            return calls().stream().filter(c -> c.contains(pathPart)).count();
        }

        /** The Authorization header of the last call to a path containing {@code pathPart}. */
        String authorizationOf(String pathPart) {
            return calls().stream()
                    .filter(c -> c.contains(pathPart))
                    .reduce((first, second) -> second)
                    .map(c -> c.substring(c.indexOf(" Bearer ") + 1))
                    .orElse(null);
        }

        private String send(String method, String path, String body) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
