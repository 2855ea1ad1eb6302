package org.opencdp.publicsites;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.opencdp.problem.Problem;
import org.opencdp.problem.ProblemException;
import org.opencdp.problem.ProblemType;
import org.opencdp.ratelimits.TokenBuckets;

import io.quarkus.runtime.StartupEvent;

/**
 * The websites that may call the service's public endpoints (managed by the admin role), and the checks of every
 * public request: known key, allowed origin, enabled, within the site's rate limit.
 */
@ApplicationScoped
public class PublicSites {

    /** The key of the demo pages' site in the local run. */
    public static final String DEMO_SITE = "site_demo";

    private static final Pattern ORIGIN = Pattern.compile(PublicSite.ORIGIN_PATTERN);
    private static final Pattern KEY = Pattern.compile(PublicSite.KEY_PATTERN);
    private static final char[] KEY_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    PublicSiteRepository sites;

    @Inject
    PublicSitesSettings settings;

    @Inject
    Clock clock;

    /** Per site (by id) in this replica's memory; never per visitor, so no IP address is ever looked at. */
    private final TokenBuckets limits = new TokenBuckets();

    /** What an admin registers or changes; null fields take the defaults (a generated key, the default limit). */
    public record Registration(
            String siteKey, String name, List<String> allowedOrigins, Integer requestsPerMinute, Boolean enabled) {}

    /** A new site, with the key given (the same website's key at another service) or a generated one. */
    public PublicSite create(Registration registration) {
        String key = registration.siteKey() != null ? checkedKey(registration.siteKey()) : newKey();
        PublicSite site = new PublicSite(
                UUID.randomUUID(),
                key,
                registration.name(),
                origins(registration.allowedOrigins()),
                requestsPerMinute(registration.requestsPerMinute()),
                registration.enabled() == null || registration.enabled(),
                clock.instant());
        if (!sites.insert(site)) {
            throw ProblemException.conflict("A site with this key exists already.");
        }
        return site;
    }

    public List<PublicSite> list() {
        return sites.all();
    }

    public PublicSite get(String siteKey) {
        return sites.find(siteKey).orElseThrow(() -> ProblemException.notFound("No site has this key."));
    }

    /** Changes name, origins, limit and whether it is enabled; the key stays (the site's pages embed it). */
    public PublicSite replace(String siteKey, Registration registration) {
        PublicSite current = get(siteKey);
        PublicSite changed = new PublicSite(
                current.id(),
                current.siteKey(),
                registration.name(),
                origins(registration.allowedOrigins()),
                requestsPerMinute(registration.requestsPerMinute()),
                registration.enabled() == null || registration.enabled(),
                current.createdAt());
        if (!sites.replace(changed)) {
            throw ProblemException.notFound("No site has this key.");
        }
        return changed;
    }

    public void delete(String siteKey) {
        if (!sites.delete(siteKey)) {
            throw ProblemException.notFound("No site has this key.");
        }
    }

    /**
     * The site of a public request whose page's origin the site allows: 404 for a key no site has, 403 when the
     * {@code Origin} header is missing (browsers send it on every cross-origin request and every POST; a request
     * without one does not come from a page's script) or names another origin.
     */
    public PublicSite forOrigin(String siteKey, String origin) {
        PublicSite site = siteKey != null && KEY.matcher(siteKey).matches()
                ? sites.find(siteKey).orElse(null)
                : null;
        if (site == null) {
            throw ProblemException.notFound("No site has this key.");
        }
        if (!site.allows(origin)) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN,
                    origin == null
                            ? "A request with a site key must come from a page: the Origin header is missing."
                            : "This site does not allow requests from this origin.");
        }
        return site;
    }

    /** Lets a request of the site through: 403 while the site is disabled, 429 beyond its rate limit. */
    public void admit(PublicSite site) {
        if (!site.enabled()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This site is disabled.");
        }
        long retryAfter = limits.take(site.id().toString(), site.requestsPerMinute(), Duration.ofMinutes(1));
        if (retryAfter > 0) {
            throw new SiteRateLimited(retryAfter);
        }
    }

    /**
     * The demo pages' site ({@code site_demo}) for the origins the local run serves them from: registered (or
     * updated) at start when {@code opencdp.public-sites.demo-site-origins} is set, which production never does.
     */
    void registerDemoSite(@Observes StartupEvent start) {
        settings.demoSiteOrigins().ifPresent(origins -> {
            Registration demo = new Registration(DEMO_SITE, "Demo site", origins, null, true);
            if (sites.find(DEMO_SITE).isPresent()) {
                replace(DEMO_SITE, demo);
            } else {
                create(demo);
            }
        });
    }

    private int requestsPerMinute(Integer given) {
        if (given == null) {
            return settings.defaultRequestsPerMinute();
        }
        if (given < 1 || given > 1_000_000) {
            throw ProblemException.invalidField("requestsPerMinute", "must be 1 to 1000000");
        }
        return given;
    }

    private static String checkedKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(
                    "siteKey", "must be site_ and 1 to 60 lowercase letters, digits, _ or -");
        }
        return key;
    }

    private static List<String> origins(List<String> given) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String origin = given.get(i);
            if (origin == null || !ORIGIN.matcher(origin).matches()) {
                errors.add(new Problem.FieldError(
                        "allowedOrigins[" + i + "]", "must be an origin: scheme, host and optional port, no path"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return List.copyOf(new LinkedHashSet<>(given));
    }

    private static String newKey() {
        StringBuilder key = new StringBuilder("site_");
        for (int i = 0; i < 20; i++) {
            key.append(KEY_ALPHABET[RANDOM.nextInt(KEY_ALPHABET.length)]);
        }
        return key.toString();
    }
}
