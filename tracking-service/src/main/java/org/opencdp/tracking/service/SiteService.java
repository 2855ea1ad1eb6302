package org.opencdp.tracking.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.opencdp.problem.Problem;
import org.opencdp.problem.ProblemException;
import org.opencdp.problem.ProblemType;
import org.opencdp.tracking.domain.Site;
import org.opencdp.tracking.repository.SiteRepository;

import io.quarkus.runtime.StartupEvent;

/** The websites that may send browser events (managed by the admin role), and the check of every batch's site. */
@ApplicationScoped
public class SiteService {

    static final String DEMO_SITE = "site_demo";
    private static final Pattern ORIGIN = Pattern.compile(Site.ORIGIN_PATTERN);
    private static final Pattern KEY = Pattern.compile(Site.KEY_PATTERN);
    private static final char[] KEY_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SiteRepository sites;

    @Inject
    Clock clock;

    @Inject
    TrackingSettings settings;

    /** A new site with a generated key ({@code site_} and 20 random letters and digits). */
    public Site create(String name, List<String> allowedOrigins) {
        Site site = new Site(newKey(), name, origins(allowedOrigins), clock.instant());
        if (!sites.insert(site)) {
            throw ProblemException.conflict("A site with this key exists already.");
        }
        return site;
    }

    /**
     * The demo page's site ({@code site_demo}, /tracker/demo.html), for the origins the service is reached at:
     * registered at start when {@code opencdp.tracking.demo-site-origins} is set.
     */
    void registerDemoSite(@Observes StartupEvent start) {
        settings.demoSiteOrigins().ifPresent(origins -> {
            List<String> checked = origins(origins);
            if (!sites.replace(DEMO_SITE, "Demo shop", checked)) {
                sites.insert(new Site(DEMO_SITE, "Demo shop", checked, clock.instant()));
            }
        });
    }

    public List<Site> list() {
        return sites.all();
    }

    public Site get(String siteKey) {
        return sites.find(siteKey).orElseThrow(() -> ProblemException.notFound("No site has this key."));
    }

    public Site replace(String siteKey, String name, List<String> allowedOrigins) {
        if (!sites.replace(siteKey, name, origins(allowedOrigins))) {
            throw ProblemException.notFound("No site has this key.");
        }
        return get(siteKey);
    }

    public void delete(String siteKey) {
        if (!sites.delete(siteKey)) {
            throw ProblemException.notFound("No site has this key.");
        }
    }

    /**
     * The site a browser batch is for, if the key is known and the request's origin is one of the site's. A request
     * without an {@code Origin} header does not come from a page's script (browsers always send it on a POST) and
     * is let through: origins protect websites from each other, not the service from other clients.
     */
    public Site requireSiteFor(String siteKey, String origin) {
        Site site = KEY.matcher(siteKey).matches() ? sites.find(siteKey).orElse(null) : null;
        if (site == null) {
            throw ProblemException.notFound("No site has this key.");
        }
        if (origin != null && !site.allows(origin)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This site does not allow requests from this origin.");
        }
        return site;
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
