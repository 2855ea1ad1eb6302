package org.opencdp.consent.api;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) on a free port for the application under test; tests can stop it and start it
 * again on the same port to play an SMTP outage. The mail sender runs every second and retries after a second.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    static final String BASE_URL = "https://consent.example.test";

    private static ServerSetup setup;
    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        up();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(setup.getPort()),
                "quarkus.mailer.start-tls", "DISABLED",
                "opencdp.consent.public-base-url", BASE_URL,
                "opencdp.consent.opt-in-mail.interval", "1s",
                "opencdp.consent.opt-in-mail.retry-initial", "PT1S",
                "opencdp.consent.opt-in-mail.retry-max", "PT2S");
    }

    @Override
    public void stop() {
        down();
    }

    /** The running server (its received mails). */
    static GreenMail server() {
        return server;
    }

    static synchronized void up() {
        server = new GreenMail(setup);
        server.start();
    }

    static synchronized void down() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the SMTP server", e);
        }
    }
}
