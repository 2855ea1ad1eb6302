package org.opencdp.profile.domain;

import java.util.List;

/**
 * The customers a caller's number matched, all of them when several share it (never a guess), and the number they
 * matched on: the number as given, or the switchboard number when the given one had an extension no customer has.
 */
public record CallerLookupResult(String matchedNumber, List<CallerMatch> matches) {

    public static CallerLookupResult unknown() {
        return new CallerLookupResult(null, List.of());
    }
}
