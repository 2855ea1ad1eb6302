package org.opencdp.caller;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.oidc.runtime.OidcTenantConfig;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Verifies a bearer token once and remembers the result: the same token, seen again while it is valid, gets the same
 * identity without quarkus-oidc parsing it and checking its RSA signature again (the largest part of a small
 * request's CPU, bench/README.md). It is an identity provider tried before quarkus-oidc's; on a miss it asks
 * quarkus-oidc's and keeps what that one accepted, so every check (signature, issuer, audience, expiry) is
 * quarkus-oidc's own, and the augmentors still run on every request, on a hit as on a miss.
 *
 * <p>Rules (docs/security.md, section 2): only an accepted token is remembered, never a refusal; an entry is used
 * until the token's {@code exp} and at most {@link TokenCacheSettings#timeToLive()} after it was verified, whichever
 * comes first, by the injected {@link Clock}; the key is the tenant and the whole token, whose string the remembered
 * identity holds anyway, as quarkus-oidc keeps it. A hit adds nothing but the current request to the identity built
 * when the token was verified ({@link RememberedIdentity}). Tokens bound to a client certificate or a DPoP proof,
 * which must be checked against each request, and tokens checked at the realm (introspection, userinfo), are never
 * remembered.
 */
@ApplicationScoped
public class VerifiedTokenCache implements IdentityProvider<TokenAuthenticationRequest> {

    /** Counted per lookup, tagged {@code outcome=hit|miss}. */
    public static final String LOOKUPS_METRIC = "opencdp.token.cache.lookups";

    /** Bound to the request that was authenticated: replaced by the current request's on every hit. */
    private static final Set<String> REQUEST_ATTRIBUTES =
            Set.of(RoutingContext.class.getName(), AuthenticationRequestContext.class.getName());

    private final OidcIdentityProvider oidc;
    private final TokenCacheSettings settings;
    private final Clock clock;
    private final Cache<TokenKey, Verified> verified;
    private final Counter hits;
    private final Counter misses;

    VerifiedTokenCache(OidcIdentityProvider oidc, TokenCacheSettings settings, Clock clock, MeterRegistry registry) {
        this.oidc = oidc;
        this.settings = settings;
        this.clock = clock;
        // Caffeine frees an entry after the time to live at the latest; whether it may still be used is decided by
        // the clock in Verified.usableAt, so a token's expiry is never up to Caffeine's timer.
        this.verified = Caffeine.newBuilder()
                .maximumSize(settings.maxSize())
                .expireAfterWrite(settings.timeToLive())
                .build();
        this.hits = lookups(registry, "hit");
        this.misses = lookups(registry, "miss");
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before quarkus-oidc's provider, which has the default priority of an identity provider. */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        // Resolved by quarkus-oidc's authentication mechanism before it asks the identity providers.
        OidcTenantConfig tenant = http == null ? null : http.get(io.quarkus.oidc.OidcTenantConfig.class.getName());
        if (!settings.enabled()
                || !(request.getToken() instanceof AccessTokenCredential)
                || tenant == null
                || boundToTheRequest(tenant)) {
            // quarkus-oidc's provider, next in line, handles it as if this one did not exist.
            return Uni.createFrom().nullItem();
        }
        TokenKey key = new TokenKey(
                tenant.tenantId().orElse(OidcUtils.DEFAULT_TENANT_ID),
                request.getToken().getToken());
        Instant now = clock.instant();
        Verified known = verified.getIfPresent(key);
        if (known != null && known.usableAt(now)) {
            hits.increment();
            return Uni.createFrom().item(new RememberedIdentity(known.identity(), http, context));
        }
        misses.increment();
        if (known != null) {
            verified.invalidate(key);
        }
        return oidc.authenticate(request, context).invoke(identity -> remember(key, identity, tenant, now));
    }

    private void remember(TokenKey key, SecurityIdentity identity, OidcTenantConfig tenant, Instant verifiedAt) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        if (identity.getAttribute(OidcUtils.INTROSPECTION_ATTRIBUTE) != null
                || identity.getAttribute(OidcUtils.USER_INFO_ATTRIBUTE) != null) {
            // Checked at the realm (introspection, userinfo) to see a revocation: quarkus-oidc's own token cache
            // decides how long that answer may be reused, not this one.
            return;
        }
        long expiry = token.getExpirationTime();
        if (expiry <= 0) {
            return;
        }
        Instant usableUntil = Instant.ofEpochSecond(expiry);
        Instant ttl = verifiedAt.plus(settings.timeToLive());
        if (ttl.isBefore(usableUntil)) {
            usableUntil = ttl;
        }
        if (tenant.token().age().isPresent()) {
            Instant tooOld = Instant.ofEpochSecond(token.getIssuedAtTime())
                    .plus(tenant.token().age().get());
            if (tooOld.isBefore(usableUntil)) {
                usableUntil = tooOld;
            }
        }
        if (usableUntil.isAfter(verifiedAt)) {
            verified.put(key, Verified.of(identity, usableUntil));
        }
    }

    private static boolean boundToTheRequest(OidcTenantConfig tenant) {
        return tenant.token().binding().certificate()
                || OidcUtils.isDPoPScheme(tenant.token().authorizationScheme());
    }

    private static Counter lookups(MeterRegistry registry, String outcome) {
        return Counter.builder(LOOKUPS_METRIC)
                .description("Bearer tokens looked up in the cache of verified tokens, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    /**
     * The whole token, not a digest of it: equal keys are equal tokens, with no collision to reason about, and the
     * string is the one the remembered identity's credential holds anyway, so the key keeps no second copy.
     */
    private record TokenKey(String tenant, String token) {}

    /**
     * What quarkus-oidc made of a token, without what belongs to the request it came with, built once when the
     * token is remembered: a hit wraps it ({@link RememberedIdentity}) instead of copying its roles, credentials,
     * permissions and attributes into a new identity on every request.
     */
    private record Verified(SecurityIdentity identity, Instant usableUntil) {

        static Verified of(SecurityIdentity identity, Instant usableUntil) {
            // quarkus-oidc's attributes may be null (no provider client with a configured public key): no Map.copyOf.
            Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
            attributes.keySet().removeAll(REQUEST_ATTRIBUTES);
            return new Verified(
                    QuarkusSecurityIdentity.builder()
                            .setPrincipal(identity.getPrincipal())
                            .addRoles(identity.getRoles())
                            .addCredentials(identity.getCredentials())
                            .addPermissions(identity.getPermissions())
                            .addAttributes(attributes)
                            .build(),
                    usableUntil);
        }

        boolean usableAt(Instant now) {
            return now.isBefore(usableUntil);
        }
    }
}
