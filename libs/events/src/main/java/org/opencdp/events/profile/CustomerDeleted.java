package org.opencdp.events.profile;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A customer was deleted or erased in profile-service: other services drop what they hold on the subject, and a
 * {@link ProfileChanged} that arrives late must not bring it back.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerDeleted(UUID subjectId) {

    public static final String TYPE = "customer.deleted";
    public static final int VERSION = 1;
}
