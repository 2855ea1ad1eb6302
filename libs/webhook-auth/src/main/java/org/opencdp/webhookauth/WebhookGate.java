package org.opencdp.webhookauth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.opencdp.problem.ProblemResponses;
import org.opencdp.problem.ProblemType;

/**
 * The checks of every {@link WebhookDoor} endpoint's request, over the raw body {@link WebhookDoorFilter} read, so that
 * a signature is checked over exactly the bytes the sender signed: the same JSON reformatted fails. A missing or
 * unknown integration, bad credentials, a bad signature, a timestamp outside the window or a replay is a 401 problem
 * and the endpoint never runs, so nothing is stored. A Zammad delivery answered before gets that answer again.
 * (Apart from the filter, since JAX-RS providers are made at start-up, before the settings are there.)
 */
@ApplicationScoped
public class WebhookGate {

    static final String INTEGRATION = "integration";

    private static final Logger LOG = Logger.getLogger(WebhookDoorFilter.class);

    @Inject
    Integrations integrations;

    @Inject
    IntegrationRepository repository;

    @Inject
    RequestIntegration requestIntegration;

    @Inject
    WebhookAuthSettings settings;

    @Inject
    Clock clock;

    /** The refusal of the request, or empty when it is admitted ({@link RequestIntegration} then names who). */
    Optional<Response> check(IntegrationKind kind, ContainerRequestContext request, byte[] body) {
        return switch (kind) {
            case GENERIC_HMAC -> generic(request, body);
            case ZAMMAD -> zammad(request, body);
            case SIPGATE -> sipgate(request, body);
            case THREECX -> basic(request);
        };
    }

    /** Keeps a Zammad delivery's successful answer, for its repetitions. */
    void recordAnswer(String deliveryId, IntegrationRepository.Delivery answer) {
        repository.recordDelivery(requestIntegration.integration().id(), deliveryId, answer, now());
    }

    private Optional<Response> generic(ContainerRequestContext request, byte[] body) {
        Optional<Integration> found = named(request, IntegrationKind.GENERIC_HMAC);
        if (found.isEmpty()) {
            return refuse(request, BAD_SIGNATURE);
        }
        Integration integration = found.get();
        String timestamp = request.getHeaderString(WebhookHeaders.TIMESTAMP);
        Duration window = settings.replayWindow();
        if (!withinWindow(timestamp, window)) {
            return refuse(
                    request,
                    "The " + WebhookHeaders.TIMESTAMP + " header must be the time of sending in Unix seconds, within "
                            + window.toMinutes() + " minutes of the service's clock.");
        }
        List<byte[]> given = WebhookSignatures.genericSignatures(request.getHeaderString(WebhookHeaders.SIGNATURE));
        byte[] accepted = null;
        for (byte[] secret : integrations.sharedSecrets(integration)) {
            byte[] expected = WebhookSignatures.generic(secret, timestamp, body);
            for (byte[] signature : given) {
                if (WebhookSignatures.same(expected, signature)) {
                    accepted = signature;
                }
            }
        }
        if (accepted == null) {
            return refuse(request, BAD_SIGNATURE);
        }
        // Remembered for twice the window: a timestamp may be up to one window ahead of the clock.
        if (!repository.rememberSignature(integration.id(), accepted, now().plus(window.multipliedBy(2)))) {
            return refuse(request, "This signature was used before: a replayed request is refused.");
        }
        return admit(integration);
    }

    private Optional<Response> zammad(ContainerRequestContext request, byte[] body) {
        Optional<Integration> found = named(request, IntegrationKind.ZAMMAD);
        Optional<byte[]> given =
                WebhookSignatures.zammadSignature(request.getHeaderString(WebhookHeaders.HUB_SIGNATURE));
        if (found.isEmpty() || given.isEmpty()) {
            return refuse(request, BAD_SIGNATURE);
        }
        Integration integration = found.get();
        boolean valid = false;
        for (byte[] token : integrations.sharedSecrets(integration)) {
            valid |= WebhookSignatures.same(WebhookSignatures.zammad(token, body), given.get());
        }
        if (!valid) {
            return refuse(request, BAD_SIGNATURE);
        }
        String delivery = request.getHeaderString(WebhookHeaders.ZAMMAD_DELIVERY);
        if (delivery == null || delivery.isBlank() || delivery.length() > 200) {
            return Optional.of(ProblemResponses.of(
                    ProblemType.BAD_REQUEST,
                    "The " + WebhookHeaders.ZAMMAD_DELIVERY + " header (1 to 200 characters) is required.",
                    path(request)));
        }
        Optional<IntegrationRepository.Delivery> before = repository.delivery(integration.id(), delivery);
        if (before.isPresent()) {
            IntegrationRepository.Delivery answer = before.get();
            return Optional.of(Response.status(answer.status())
                    .type(answer.contentType())
                    .entity(answer.body())
                    .header(WebhookHeaders.REPEATED_DELIVERY, "true")
                    .build());
        }
        requestIntegration.recordAnswerOf(delivery);
        return admit(integration);
    }

    private Optional<Response> sipgate(ContainerRequestContext request, byte[] body) {
        Optional<Integration> found = named(request, IntegrationKind.SIPGATE);
        if (found.isEmpty()) {
            return refuse(request, BAD_SIGNATURE);
        }
        String signature = request.getHeaderString(WebhookHeaders.SIPGATE_SIGNATURE);
        for (IntegrationSecret secret : integrations.validSecrets(found.get())) {
            if (WebhookSignatures.rsaPublicKey(secret.publicKeyPem())
                    .filter(key -> WebhookSignatures.sipgate(key, body, signature))
                    .isPresent()) {
                return admit(found.get());
            }
        }
        return refuse(request, BAD_SIGNATURE);
    }

    private Optional<Response> basic(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String[] credentials = basicCredentials(header);
        Optional<Integration> found = credentials == null
                ? Optional.empty()
                : integrations.activeOfKind(credentials[0], IntegrationKind.THREECX);
        if (found.isPresent()) {
            byte[] given = WebhookSignatures.sha256(credentials[1].getBytes(StandardCharsets.UTF_8));
            boolean valid = false;
            for (IntegrationSecret secret : integrations.validSecrets(found.get())) {
                valid |= secret.secretHash() != null && WebhookSignatures.same(secret.secretHash(), given);
            }
            if (valid) {
                return admit(found.get());
            }
        }
        Response refusal = ProblemResponses.of(
                ProblemType.UNAUTHORIZED,
                "Give the integration's name and API key as Basic credentials.",
                path(request));
        refusal.getHeaders().add(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"opencdp\", charset=\"UTF-8\"");
        return Optional.of(refusal);
    }

    private static final String BAD_SIGNATURE =
            "The request's signature is missing or does not match any valid secret of the integration in its URL.";

    private Optional<Integration> named(ContainerRequestContext request, IntegrationKind kind) {
        String name = request.getUriInfo().getPathParameters().getFirst(INTEGRATION);
        if (name == null) {
            throw new IllegalStateException(
                    "a @WebhookDoor(" + kind + ") endpoint needs the path parameter {" + INTEGRATION + "}");
        }
        return integrations.activeOfKind(name, kind);
    }

    private Optional<Response> admit(Integration integration) {
        requestIntegration.admit(integration);
        return Optional.empty();
    }

    private Optional<Response> refuse(ContainerRequestContext request, String detail) {
        LOG.debugf("webhook refused at %s: %s", path(request), detail);
        return Optional.of(ProblemResponses.of(ProblemType.UNAUTHORIZED, detail, path(request)));
    }

    private boolean withinWindow(String timestamp, Duration window) {
        if (timestamp == null || !timestamp.matches("[0-9]{1,12}")) {
            return false;
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        return !Duration.between(sent, now()).abs().minus(window).isPositive();
    }

    /** User name and password of a Basic header, or null when it is none or malformed. */
    static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6) || header.length() > 1000) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 1 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private Instant now() {
        return clock.instant();
    }

    private static String path(ContainerRequestContext request) {
        return "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
    }
}
