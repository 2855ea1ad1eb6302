package org.opencdp.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The checked-in example of each event type and version ({@code contracts/<type>.v<version>.json}), and the check
 * that a payload has its shape. Shipped in the test-jar, so a producer's tests check what it writes and a
 * consumer's tests deliver the example: a field renamed, added or dropped on one side breaks a test.
 */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventContracts() {}

    /** The example payload of {@code type} in {@code version}. */
    public static JsonNode example(String type, int version) {
        String resource = "/contracts/" + type + ".v" + version + ".json";
        try (InputStream in = EventContracts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract example " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that {@code payload} has exactly the example's fields, each of the example's JSON type where it has a
     * value (a field may be null: a company has no age band).
     */
    public static void assertHasTheShapeOf(JsonNode payload, String type, int version) {
        JsonNode example = example(type, version);
        assertThat(fieldNames(payload))
                .as("the fields of a %s v%d payload", type, version)
                .isEqualTo(fieldNames(example));
        example.properties().forEach(field -> {
            JsonNode value = payload.get(field.getKey());
            if (!value.isNull()) {
                assertThat(value.getNodeType())
                        .as("the JSON type of %s in a %s v%d payload", field.getKey(), type, version)
                        .isEqualTo(field.getValue().getNodeType());
            }
        });
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
