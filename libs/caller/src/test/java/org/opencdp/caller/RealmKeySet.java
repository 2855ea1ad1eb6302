package org.opencdp.caller;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A realm's key set endpoint as Keycloak serves it ({@code /realms/cdp/protocol/openid-connect/certs}), on a local port,
 * with keys the test chooses and replaces (a key rotation). Every request is recorded, so a test sees when the service
 * under test asked the realm, and for what. Any other path (the discovery document among them) answers 404.
 */
public class RealmKeySet implements QuarkusTestResourceLifecycleManager {

    static final String KEYS_PATH = "/realms/cdp/protocol/openid-connect/certs";

    /** The realm's key when the service starts, key id {@code first}. */
    static final KeyPair FIRST_KEY = newKey();

    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    private static volatile Map<String, KeyPair> published = Map.of();
    private HttpServer server;

    /** A new RSA key pair, as a realm makes one. */
    static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** From now on the key set holds exactly these keys, by key id. */
    static void publish(Map<String, KeyPair> keys) {
        published = Map.copyOf(keys);
    }

    /** The paths asked for so far, oldest first. */
    static List<String> requests() {
        return List.copyOf(REQUESTS);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        publish(Map.of("first", FIRST_KEY));
        server.createContext("/", this::answer);
        server.start();
        return Map.of(
                "quarkus.oidc.auth-server-url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/cdp");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        REQUESTS.add(path);
        byte[] body = KEYS_PATH.equals(path) ? keySet().getBytes(StandardCharsets.UTF_8) : new byte[0];
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(body.length > 0 ? 200 : 404, body.length > 0 ? body.length : -1);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String keySet() {
        return published.entrySet().stream()
                .map(entry ->
                        jwk(entry.getKey(), (RSAPublicKey) entry.getValue().getPublic()))
                .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    private static String jwk(String keyId, RSAPublicKey key) {
        return "{\"kid\":\"" + keyId + "\",\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\""
                + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}";
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        // toByteArray() adds a sign byte where the highest bit is set; a JWK holds the unsigned magnitude.
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
