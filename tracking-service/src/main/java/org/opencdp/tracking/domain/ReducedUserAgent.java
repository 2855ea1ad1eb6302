package org.opencdp.tracking.domain;

/**
 * What is kept of a user agent: the browser family, its major version and the class of device. The full string
 * (which, with the other headers, fingerprints a browser) is never stored.
 */
public record ReducedUserAgent(String browser, Integer majorVersion, String deviceClass) {

    public static final ReducedUserAgent UNKNOWN = new ReducedUserAgent("Other", null, "unknown");
}
