package org.opencdp.tracking.client;

import java.util.Collection;
import java.util.Map;

import org.opencdp.tracking.domain.ConsentDecision;
import org.opencdp.tracking.domain.Holder;

/** consent-service's decision API, as tracking-service needs it: web-analytics for many holders in one call. */
public interface WebAnalyticsDecisions {

    String WEB_ANALYTICS = "web-analytics";

    /**
     * The decision for web-analytics of every holder, asked in one call.
     *
     * @throws org.opencdp.consentdecisions.ConsentDecisions.ConsentUnavailable when consent-service cannot be
     *     asked or gives no usable answer
     */
    Map<Holder, ConsentDecision> webAnalytics(Collection<Holder> holders);
}
