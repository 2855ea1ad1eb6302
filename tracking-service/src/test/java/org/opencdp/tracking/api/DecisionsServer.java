package org.opencdp.tracking.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * consent-service's batch decision API as issue 10 specifies it ({@code POST /api/v1/decisions}), on a free
 * loopback port, for tracking-service's own tests: consent-service is not part of this module, and the journeys
 * with the real consent-service belong in e2e. A test grants web-analytics to a holder (getting the ledger entry
 * id), refuses it, or makes the API unavailable (503) to see the gate fail closed. It checks that calls carry a
 * bearer token and counts them.
 */
public class DecisionsServer implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, UUID> GRANTED = new ConcurrentHashMap<>();
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static volatile boolean unavailable;

    private HttpServer server;

    /** Grants web-analytics to the holder (visitor id or subject id); returns the new ledger entry's id. */
    public static UUID grant(String holderId) {
        UUID entry = UUID.randomUUID();
        GRANTED.put(holderId, entry);
        return entry;
    }

    public static void refuse(String holderId) {
        GRANTED.remove(holderId);
    }

    public static void unavailable(boolean down) {
        unavailable = down;
    }

    public static int calls() {
        return CALLS.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/decisions", this::decide);
        server.start();
        return Map.of(
                "opencdp.services.consent.url",
                "http://" + server.getAddress().getHostString() + ":"
                        + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void decide(HttpExchange exchange) throws IOException {
        CALLS.incrementAndGet();
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                answer(exchange, 401, "{}");
                return;
            }
            if (unavailable) {
                answer(exchange, 503, "{}");
                return;
            }
            JsonNode pairs = JSON.readTree(body).get("pairs");
            List<Map<String, Object>> decisions = new ArrayList<>();
            for (JsonNode pair : pairs) {
                String holder = pair.has("subjectId")
                        ? pair.get("subjectId").asText()
                        : pair.get("visitorId").asText();
                UUID entry = GRANTED.get(holder);
                Map<String, Object> decision = new LinkedHashMap<>();
                decision.put(pair.has("subjectId") ? "subjectId" : "visitorId", holder);
                decision.put("purpose", pair.get("purpose").asText());
                decision.put("allowed", entry != null);
                decision.put("legalBasis", entry != null ? "consent" : null);
                decision.put("entryId", entry);
                decision.put("reason", entry != null ? "consent given" : "no consent");
                decisions.add(decision);
            }
            answer(exchange, 200, JSON.writeValueAsString(Map.of("decisions", decisions)));
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
