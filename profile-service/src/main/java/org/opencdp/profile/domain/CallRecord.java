package org.opencdp.profile.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A call still going: which of its events were applied to its CALL timeline entry, and when it was answered. Deleted
 * when the call ends; its entry is final from then on.
 */
public class CallRecord {

    /** The id of the call's timeline entry. */
    public UUID entryId;

    public UUID subjectId;

    /** The applied events' names, comma-separated. */
    public String appliedEvents;

    public Instant answeredAt;

    public Set<CallEvent.Kind> applied() {
        Set<CallEvent.Kind> kinds = EnumSet.noneOf(CallEvent.Kind.class);
        for (String name : appliedEvents.split(",")) {
            if (!name.isEmpty()) {
                kinds.add(CallEvent.Kind.valueOf(name));
            }
        }
        return kinds;
    }

    public void apply(CallEvent.Kind kind) {
        Set<CallEvent.Kind> kinds = applied();
        kinds.add(kind);
        appliedEvents = String.join(",", kinds.stream().map(Enum::name).toList());
    }
}
