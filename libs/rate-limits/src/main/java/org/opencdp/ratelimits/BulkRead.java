package org.opencdp.ratelimits;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Marks an endpoint that reads personal data in bulk (a search, an export): each caller may call the endpoints of
 * one group only as often as {@code opencdp.bulk-read.limits.<group>} allows; beyond that the answer is 429 with
 * {@code Retry-After}. The check runs after the role check, so only callers the endpoint admits use up their limit.
 *
 * <pre>{@code
 * @GET
 * @RolesAllowed({ Roles.SALES, Roles.SERVICE })
 * @BulkRead("search")
 * public CustomerPage search(...) { ... }
 * }</pre>
 */
@Inherited
@InterceptorBinding
@Target({METHOD, TYPE})
@Retention(RUNTIME)
public @interface BulkRead {

    /** The group whose limit applies, e.g. "search" or "subject-export"; several endpoints may share one. */
    @Nonbinding
    String value();
}
