package org.opencdp.profile.domain;

/**
 * One remote part of the 360° view: what the service that owns it answered, or why it is missing. The view never
 * fails because of one part: a part that is slow, down or refusing comes back as one of the markers.
 */
public sealed interface OverviewPart<T> {

    /** The owning service answered with the data. */
    record Shown<T>(T value) implements OverviewPart<T> {}

    /** The owning service did not answer in time, is down, answered 5xx, or its circuit is open. */
    record Unavailable<T>(String reason) implements OverviewPart<T> {}

    /** The owning service refused the caller's token (403): the caller's role may not see this part there. */
    record NotPermitted<T>() implements OverviewPart<T> {}

    /** Not asked for: the subject has not given the consent showing it needs. */
    record NotConsented<T>(String reason) implements OverviewPart<T> {}

    /** The owning service has nothing on the subject (404), e.g. no KPIs before the first order. */
    record NoData<T>(String reason) implements OverviewPart<T> {}

    static <T> OverviewPart<T> shown(T value) {
        return new Shown<>(value);
    }
}
