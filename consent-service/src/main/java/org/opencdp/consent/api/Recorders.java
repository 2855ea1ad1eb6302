package org.opencdp.consent.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.opencdp.caller.Caller;
import org.opencdp.caller.Roles;
import org.opencdp.consent.domain.Channel;
import org.opencdp.consent.domain.RecordedBy;
import org.opencdp.problem.ProblemException;
import org.opencdp.problem.ProblemType;

/**
 * Who records through the authenticated API, and through which channels: agents (sales, service) take consent on
 * the phone or on paper, a shop backend's service account in its web forms or through its API. The cookie banner
 * is the public side's channel.
 */
@RequestScoped
class Recorders {

    @Inject
    Caller caller;

    RecordedBy recorder(Channel channel) {
        boolean agent = caller.hasRole(Roles.SALES) || caller.hasRole(Roles.SERVICE);
        boolean shop = caller.hasRole(Roles.SVC_SHOP);
        boolean allowed = switch (channel) {
            case PHONE, PAPER -> agent;
            case WEB_FORM, API -> shop;
            case COOKIE_BANNER -> false;
        };
        if (!allowed) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN,
                    "Channel " + channel + " is not yours: agents record PHONE and PAPER, shop backends WEB_FORM and "
                            + "API, and the cookie banner posts through the public endpoints.");
        }
        return current();
    }

    RecordedBy current() {
        return new RecordedBy(
                caller.kind() == Caller.Kind.USER ? RecordedBy.Kind.USER : RecordedBy.Kind.SERVICE, caller.name());
    }
}
