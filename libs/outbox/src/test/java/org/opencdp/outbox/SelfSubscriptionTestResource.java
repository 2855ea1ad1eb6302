package org.opencdp.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The test application subscribes to itself, so the relay needs the application's real port when its
 * configuration is read: a free port is picked here and given both to the HTTP server and to the subscriber URL
 * (a random port, {@code 0}, would only be known after start-up).
 */
public class SelfSubscriptionTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            return Map.of(
                    "quarkus.http.test-port",
                    String.valueOf(port),
                    "opencdp.outbox.subscribers.self.url",
                    "http://localhost:" + port + "/test/inbox");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {}
}
