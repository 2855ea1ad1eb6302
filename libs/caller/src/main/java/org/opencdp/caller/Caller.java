package org.opencdp.caller;

import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, as the audit trail and role rules see it: a person (by login name) or a service account
 * (by client id).
 */
@RequestScoped
public class Caller {

    @Schema(name = "CallerKind")
    public enum Kind {
        USER,
        SERVICE,
        ANONYMOUS
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public Kind kind() {
        if (identity.isAnonymous()) {
            return Kind.ANONYMOUS;
        }
        return identity.getRoles().stream().anyMatch(Roles::isServiceAccountRole) ? Kind.SERVICE : Kind.USER;
    }

    /** The login name of a person, the client id of a service account, or "anonymous". */
    public String name() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        if (kind() == Kind.SERVICE) {
            String clientId = token.getClaim("azp");
            if (clientId != null) {
                return clientId;
            }
        }
        String username = token.getClaim("preferred_username");
        return username != null ? username : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
