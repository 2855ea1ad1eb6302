package org.opencdp.e2e;

import java.nio.file.Path;

import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.LocalStack;
import org.opencdp.localstack.LocalStackException;
import org.opencdp.localstack.Service;
import org.opencdp.localstack.StackLayout;
import org.opencdp.localstack.StackPorts;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The suite the end-to-end tests run against: started by the same code as `make run`, but with its state in
 * e2e/target/stack and on ports shifted by {@link StackPorts#E2E_OFFSET}, so it runs beside a developer's suite.
 * Fresh for every run: a new database cluster, new keys, a freshly imported realm. At the end the database goes
 * (as root it lives outside the checkout); the logs stay in e2e/target/stack/logs.
 */
public final class E2eSuite implements AutoCloseable {

    public static final String REPO_ROOT_PROPERTY = "opencdp.repo.root";

    private final LocalStack stack;
    private final Thread shutdownHook;
    private boolean closed;

    private E2eSuite(LocalStack stack) {
        this.stack = stack;
        // Safety net for a test JVM that ends without JUnit closing the root context (e.g. surefire stops the fork).
        this.shutdownHook = new Thread(stack::cancelStartAndStop, "e2e-suite-stop");
    }

    static E2eSuite start() {
        Path repoRoot = repoRoot();
        StackLayout layout = StackLayout.forRepo(repoRoot)
                .withStateDir(repoRoot.resolve("e2e/target/stack"))
                .withPorts(StackPorts.endToEnd());
        LocalStack stack = new LocalStack(layout, line -> System.out.println("[e2e suite] " + line));
        // A test JVM killed before it could clean up leaves its suite running: stop it before starting afresh.
        stack.stop();
        stack.discardState();
        E2eSuite suite = new E2eSuite(stack);
        Runtime.getRuntime().addShutdownHook(suite.shutdownHook);
        long begin = System.nanoTime();
        stack.start();
        System.out.printf("[e2e suite] started in %d s%n", (System.nanoTime() - begin) / 1_000_000_000L);
        return suite;
    }

    public StackLayout layout() {
        return stack.layout();
    }

    public String url(Service service) {
        return layout().serviceUrl(service);
    }

    /** Stops, kills or restarts single services, and reaches their databases. */
    public LocalStack stack() {
        return stack;
    }

    public Keycloak keycloak() {
        return new Keycloak(layout().realmUrl());
    }

    /** A JSON request to {@code service} as the demo user signed in at the frontend: the user's access token. */
    public RequestSpecification as(DemoUser user, Service service) {
        return withToken(service, keycloak().login(user));
    }

    /** A JSON request to {@code target} as the demo shop's backend: its client-credentials token for the target. */
    public RequestSpecification asShop(Service target) {
        return withToken(target, keycloak().shopToken(target));
    }

    /** A JSON request to {@code target} as {@code account} calls it: its client-credentials token for the target. */
    public RequestSpecification asService(Service account, Service target) {
        return withToken(target, keycloak().serviceToken(account, target));
    }

    private RequestSpecification withToken(Service service, String token) {
        return RestAssured.given().baseUri(url(service)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stack.stopAndDropDatabase();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook runs anyway and finds nothing left to stop.
        }
    }

    private static Path repoRoot() {
        String root = System.getProperty(REPO_ROOT_PROPERTY);
        if (root == null || root.isBlank()) {
            throw new LocalStackException("the system property " + REPO_ROOT_PROPERTY + " is not set: run the "
                    + "end-to-end tests through Maven (`make e2e`), whose surefire configuration sets it.");
        }
        return Path.of(root);
    }
}
