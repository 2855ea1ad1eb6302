package org.opencdp.profile.api;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.caller.Caller;
import org.opencdp.caller.Roles;
import org.opencdp.profile.domain.ProfileAccess;
import org.opencdp.profile.domain.StoredCustomer;

/** What the caller of the current request may see of a customer, from the department roles. */
@ApplicationScoped
class CustomerViews {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** A caller with several roles gets the widest access. */
    ProfileAccess access() {
        if (caller.hasRole(Roles.SALES)) {
            return ProfileAccess.FULL;
        }
        if (caller.hasRole(Roles.MARKETING)) {
            return ProfileAccess.MARKETING;
        }
        if (caller.hasRole(Roles.SERVICE)) {
            return ProfileAccess.CONTACT;
        }
        if (caller.hasRole(Roles.ANALYST)) {
            return ProfileAccess.PSEUDONYMOUS;
        }
        throw new IllegalStateException("no profile access for roles " + caller.roles());
    }

    CustomerView of(StoredCustomer customer) {
        return of(customer, access());
    }

    /** For a view whose access was read before other work of the request; the roles are not read again. */
    CustomerView of(StoredCustomer customer, ProfileAccess access) {
        return CustomerView.of(customer, access, LocalDate.now(clock));
    }
}
