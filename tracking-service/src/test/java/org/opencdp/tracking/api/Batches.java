package org.opencdp.tracking.api;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Builds tracker batches and sends them as the tracker does. */
final class Batches {

    static final String DEMO_ORIGIN = "http://localhost:8083";
    static final String CHROME_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Batches() {}

    static String newId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static Map<String, Object> event(String type, String visitorId, String sessionId, String url, Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("visitorId", visitorId);
        event.put("sessionId", sessionId);
        event.put("url", url);
        event.put("clientTime", at.truncatedTo(ChronoUnit.MILLIS).toString());
        return event;
    }

    static Map<String, Object> with(Map<String, Object> event, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(event);
        copy.put(field, value);
        return copy;
    }

    static RequestSpecification fromDemoPage() {
        return given().header("Origin", DEMO_ORIGIN)
                .header("User-Agent", CHROME_UA)
                .contentType("text/plain;charset=UTF-8");
    }

    static Response send(List<Map<String, Object>> events) {
        return fromDemoPage().body(json(Map.of("events", events))).when().post("/api/v1/collect/site_demo");
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
