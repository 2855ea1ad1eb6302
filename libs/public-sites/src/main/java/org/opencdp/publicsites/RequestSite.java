package org.opencdp.publicsites;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** The site of the current {@link SiteKeyed} request, as {@link SiteKeyFilter} admitted it. */
@RequestScoped
public class RequestSite {

    /** What the site-keyed endpoints accept: the JSON bodies and the text/plain of the tracker's beacons. */
    static final String ALLOWED_HEADERS = "Content-Type";

    static final String ALLOWED_METHODS = "GET, POST";

    @Inject
    PublicSitesSettings settings;

    private PublicSite site;

    void set(PublicSite site) {
        this.site = site;
    }

    /** The admitted site; only inside a {@link SiteKeyed} endpoint. */
    public PublicSite site() {
        if (site == null) {
            throw new IllegalStateException("no site: the endpoint is not @SiteKeyed");
        }
        return site;
    }

    /** The answer to a CORS preflight the filter admitted: which methods and headers the page may use. */
    public Response preflight() {
        site();
        return Response.noContent()
                .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
                .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                .header(
                        "Access-Control-Max-Age",
                        Long.toString(settings.preflightMaxAge().toSeconds()))
                .build();
    }
}
