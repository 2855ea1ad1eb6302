package org.opencdp.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.opencdp.jdbc.Jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Publishes facts to other services, in the transaction of the change they describe: the event and one delivery
 * per interested subscriber are stored with the change or not at all, and {@link OutboxRelay} sends them after
 * the commit, at least once, until each subscriber has accepted them.
 */
@ApplicationScoped
public class Outbox {

    private static final Pattern TYPE = Pattern.compile(EventEnvelope.TYPE_PATTERN);

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Map<String, List<String>> subscribersByType;

    @Inject
    Outbox(DataSource dataSource, ObjectMapper json, OutboxConfig config) {
        this.dataSource = dataSource;
        this.json = json;
        this.subscribersByType = config.subscribers().entrySet().stream()
                .flatMap(s -> s.getValue().eventTypes().stream().map(type -> Map.entry(type, s.getKey())))
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /**
     * Stores {@code payload} (serialised as JSON) as a fact of {@code type} in schema {@code version} about
     * {@code subjectId} (null for a fact about no one subject) for every subscriber of that type. Must join the
     * transaction of the change it describes.
     *
     * <pre>{@code outbox.publish(ProfileChanged.TYPE, ProfileChanged.VERSION, id, new ProfileChanged(...));}</pre>
     *
     * @return the event's id
     */
    @Transactional(TxType.MANDATORY)
    public UUID publish(String type, int version, UUID subjectId, Object payload) {
        Objects.requireNonNull(type, "type");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("event types are dotted lower-case words, e.g. profile.changed");
        }
        if (version < 1) {
            throw new IllegalArgumentException("an event's schema version is 1 or more");
        }
        UUID id = TimeOrderedIds.next();
        Instant occurredAt = Instant.ofEpochMilli(TimeOrderedIds.epochMillis(id));
        String payloadJson;
        try {
            payloadJson = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the payload of a " + type + " event cannot be written as JSON", e);
        }
        // One statement for the event and its deliveries: publishing sits on every change's hot path.
        Jdbc.update(
                dataSource,
                """
                WITH event AS (
                    INSERT INTO outbox_event (id, type, version, subject_id, occurred_at, payload)
                    VALUES (?, ?, ?, ?, ?, ?::jsonb)
                    RETURNING id, occurred_at)
                INSERT INTO outbox_delivery (event_id, subscriber, next_attempt_at)
                SELECT event.id, subscriber, event.occurred_at FROM event, unnest(?::text[]) AS subscriber""",
                id,
                type,
                version,
                subjectId,
                occurredAt,
                payloadJson,
                subscribersByType.getOrDefault(type, List.of()).toArray(String[]::new));
        return id;
    }

    /**
     * Deletes the subject's events that every subscriber already has, so their payloads do not outlive an
     * erasure until housekeeping. Events still on their way stay: at-least-once delivery is a promise to the
     * subscribers, and they need, for example, the erasure's own event.
     *
     * @return how many events were deleted
     */
    @Transactional(TxType.MANDATORY)
    public int forgetDeliveredEventsOf(UUID subjectId) {
        Objects.requireNonNull(subjectId, "subjectId");
        return Jdbc.update(dataSource, """
                DELETE FROM outbox_event e
                 WHERE e.subject_id = ?
                   AND NOT EXISTS (SELECT 1 FROM outbox_delivery d
                                    WHERE d.event_id = e.id AND d.delivered_at IS NULL)""", subjectId);
    }
}
