package org.opencdp.webhookauth;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks an endpoint (or a resource class) that an integration of the given kind calls without a token:
 * {@link WebhookDoorFilter} checks the kind's scheme over the raw body before the method runs, and
 * {@link RequestIntegration} hands the integration to it. Every kind but {@link IntegrationKind#THREECX} (whose Basic
 * user name names it) has the integration's name as the path parameter {@code integration}.
 */
@NameBinding
@Target({METHOD, TYPE})
@Retention(RUNTIME)
public @interface WebhookDoor {
    IntegrationKind value();
}
