package org.opencdp.profile.api;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * behaviour- and tracking-service as the retention of inactive profiles sees them: each a real HTTP server (the
 * JDK's) on a free port speaking the activity contract ({@code POST /api/v1/subjects/activity}, libs/subject-rights
 * {@code SubjectActivityApi}) the way the real endpoints do, tested in their own services: it names the subjects
 * asked about whose last activity a test set is at or after {@code since}. A test can also make it answer an HTTP
 * error instead. Real sockets, so profile-service's real client, token, retries and failure handling act.
 */
final class ActivityServices {

    private static final ObjectMapper JSON = new ObjectMapper();

    // Quarkus loads the test profile and the test in different class loaders, so they cannot share this object:
    // the profile starts the servers, and the test tells them how to answer through their /control paths.
    private final Map<UUID, Instant> lastActivity = new ConcurrentHashMap<>();
    /** Every activity call: "Authorization-header request-body". */
    private final List<String> calls = new CopyOnWriteArrayList<>();

    private volatile int failWith;
    private final HttpServer server;

    private ActivityServices() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String[] parts = path.split("/");
        if (path.startsWith("/control/active/")) {
            lastActivity.put(UUID.fromString(parts[3]), Instant.parse(parts[4]));
            send(exchange, 204, null);
        } else if (path.startsWith("/control/fail/")) {
            failWith = Integer.parseInt(parts[3]);
            send(exchange, 204, null);
        } else if (path.equals("/control/calls")) {
            send(exchange, 200, String.join("\n", calls));
        } else if (path.equals("/api/v1/subjects/activity")
                && exchange.getRequestMethod().equals("POST")) {
            calls.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            if (failWith != 0) {
                send(exchange, failWith, "{\"title\":\"failing\",\"status\":" + failWith + "}");
            } else {
                send(exchange, 200, active(JSON.readTree(body)));
            }
        } else {
            // the outbox relay's profile events to behaviour-service: taken
            send(exchange, 204, null);
        }
    }

    private String active(JsonNode query) throws IOException {
        Instant since = Instant.parse(query.path("since").asText());
        ObjectNode answer = JSON.createObjectNode();
        var ids = answer.putArray("activeSubjectIds");
        for (JsonNode id : query.path("subjectIds")) {
            Instant last = lastActivity.get(UUID.fromString(id.asText()));
            if (last != null && !last.isBefore(since)) {
                ids.add(id.asText());
            }
        }
        return JSON.writeValueAsString(answer);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The test profile: starts one server for behaviour-service and one for tracking-service. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>();
            overrides.put("opencdp.services.behaviour.url", new ActivityServices().url());
            overrides.put("opencdp.services.tracking.url", new ActivityServices().url());
            return overrides;
        }
    }

    /** The test's side: tells one of the servers (the one the application under test calls) how to answer. */
    static final class Control {

        private final HttpClient http = HttpClient.newHttpClient();
        private final String url;

        /** The server standing in for {@code service} (behaviour, tracking). */
        Control(String service) {
            url = ConfigProvider.getConfig().getValue("opencdp.services." + service + ".url", String.class);
        }

        /** The subject's last activity in this service. */
        void activeAt(UUID subject, String at) {
            send("PUT", "/control/active/" + subject + "/" + at);
        }

        /** From now on every activity call is answered with this HTTP status; 0 answers again. */
        void failWith(int status) {
            send("PUT", "/control/fail/" + status);
        }

        /** Every activity call so far: its Authorization header and its body. */
        List<String> calls() {
            String all = send("GET", "/control/calls");
            return all.isEmpty() ? List.of() : List.of(all.split("\n"));
        }

        private String send(String method, String path) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                    .method(method, HttpRequest.BodyPublishers.noBody())
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
