package org.opencdp.publicsites;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks a public endpoint (or a resource class) that websites call without a token, with their site key as the path
 * parameter {@code siteKey}: {@link SiteKeyFilter} checks key, origin, enabled and rate limit before the method
 * runs, and {@link RequestSite} hands the site to it. Its path must be under one of
 * {@code opencdp.public-sites.paths}, and the class declares an {@code @OPTIONS} method answering
 * {@link RequestSite#preflight()}.
 */
@NameBinding
@Target({METHOD, TYPE})
@Retention(RUNTIME)
public @interface SiteKeyed {}
