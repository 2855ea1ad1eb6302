package org.opencdp.consent.domain;

/** Who recorded an entry: a person by login name, a service account by client id, or a website by site id. */
public record RecordedBy(Kind kind, String name) {

    public enum Kind {
        USER,
        SERVICE,
        SITE
    }
}
