package org.opencdp.caller;

import java.security.Permission;
import java.security.Principal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * A remembered token's identity for one request: everything but the request-bound attributes (the HTTP request and
 * the authentication context) is the identity built once when the token was verified ({@link VerifiedTokenCache}).
 * Copying that identity into a new one on every request rebuilt its sets, and hashing a scope permission builds its
 * string: a few KB of garbage per request for nothing that differs between requests (bench/README.md, consent).
 */
final class RememberedIdentity implements SecurityIdentity {

    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String AUTHENTICATION_CONTEXT = AuthenticationRequestContext.class.getName();

    private final SecurityIdentity verified;
    private final RoutingContext http;
    private final AuthenticationRequestContext context;

    RememberedIdentity(SecurityIdentity verified, RoutingContext http, AuthenticationRequestContext context) {
        this.verified = verified;
        this.http = http;
        this.context = context;
    }

    @Override
    public Principal getPrincipal() {
        return verified.getPrincipal();
    }

    @Override
    public boolean isAnonymous() {
        return verified.isAnonymous();
    }

    @Override
    public Set<String> getRoles() {
        return verified.getRoles();
    }

    @Override
    public boolean hasRole(String role) {
        return verified.hasRole(role);
    }

    @Override
    public Set<Permission> getPermissions() {
        return verified.getPermissions();
    }

    @Override
    public <T extends Credential> T getCredential(Class<T> type) {
        return verified.getCredential(type);
    }

    @Override
    public Set<Credential> getCredentials() {
        return verified.getCredentials();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getAttribute(String name) {
        if (ROUTING_CONTEXT.equals(name)) {
            return (T) http;
        }
        if (AUTHENTICATION_CONTEXT.equals(name)) {
            return (T) context;
        }
        return verified.getAttribute(name);
    }

    /** Rarely asked for (the single attributes are): built on each call rather than kept per request. */
    @Override
    public Map<String, Object> getAttributes() {
        Map<String, Object> attributes = new HashMap<>(verified.getAttributes());
        attributes.put(ROUTING_CONTEXT, http);
        attributes.put(AUTHENTICATION_CONTEXT, context);
        return Collections.unmodifiableMap(attributes);
    }

    @Override
    public Uni<Boolean> checkPermission(Permission permission) {
        return verified.checkPermission(permission);
    }
}
