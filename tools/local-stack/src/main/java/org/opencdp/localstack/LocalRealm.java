package org.opencdp.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realm the local Keycloak imports: the production realm ({@link StackLayout#realmFile()}: roles, clients,
 * service accounts, audiences; no users, no secret, no password grant) with the local overlay
 * ({@link StackLayout#localRealmOverlay()}: the demo users, the password grant for scripts and tests, localhost
 * redirects, the demo shop) merged on top. The overlay only adds: an object is merged key by key, a list entry with
 * the same {@code clientId}, {@code username}, {@code client} or {@code name} as a production entry is merged into
 * it, any other entry is appended.
 *
 * <p>Secrets stay {@code ${VARIABLE}} placeholders, which Keycloak fills in from its environment at import, in the
 * cluster as here. Keycloak leaves a placeholder without a variable as it is, which would make the placeholder
 * text itself a client's secret: so the local run refuses to start Keycloak unless it sets every one.
 */
public final class LocalRealm {

    /** The URL of the frontend's development server: the production realm's redirect URI is built from it. */
    static final String FRONTEND_URL = "http://localhost:3000";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)[^}]*}");
    private static final List<String> IDENTITIES = List.of("clientId", "username", "client", "name");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalRealm() {}

    /** The production realm with the local overlay merged on top. */
    public static JsonNode of(StackLayout layout) {
        return merge(read(layout.realmFile()), read(layout.localRealmOverlay()));
    }

    /** The variables Keycloak needs to fill in the realm's placeholders in the local run. */
    public static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            env.put(service.clientSecretVariable(), service.localClientSecret());
        }
        env.put("CDP_FRONTEND_URL", FRONTEND_URL);
        return env;
    }

    /** Writes the merged realm for Keycloak's import; fails if it names a variable the local run does not set. */
    static void writeForImport(StackLayout layout, Path target) {
        JsonNode realm = of(layout);
        Set<String> missing = placeholders(realm);
        missing.removeAll(environment().keySet());
        if (!missing.isEmpty()) {
            throw new LocalStackException("the realm names " + missing + ", which the local run does not set: Keycloak "
                    + "would take the placeholder text as the value. Add them to LocalRealm.environment().");
        }
        try {
            Files.writeString(target, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realm));
        } catch (IOException e) {
            throw new LocalStackException(
                    "could not write the realm for import to " + target + ": " + e.getMessage(), e);
        }
    }

    /** The names of the environment variables the realm's {@code ${...}} placeholders refer to. */
    public static Set<String> placeholders(JsonNode realm) {
        Set<String> names = new TreeSet<>();
        collectPlaceholders(realm, names);
        return names;
    }

    static JsonNode merge(JsonNode base, JsonNode overlay) {
        if (base instanceof ObjectNode baseObject && overlay instanceof ObjectNode overlayObject) {
            ObjectNode merged = baseObject.deepCopy();
            overlayObject
                    .properties()
                    .forEach(field -> merged.set(
                            field.getKey(),
                            merged.has(field.getKey())
                                    ? merge(merged.get(field.getKey()), field.getValue())
                                    : field.getValue()));
            return merged;
        }
        if (base instanceof ArrayNode baseArray && overlay instanceof ArrayNode overlayArray) {
            ArrayNode merged = baseArray.deepCopy();
            for (JsonNode entry : overlayArray) {
                int same = indexOfSame(merged, entry);
                if (same >= 0) {
                    merged.set(same, merge(merged.get(same), entry));
                } else if (!contains(merged, entry)) {
                    merged.add(entry);
                }
            }
            return merged;
        }
        return overlay;
    }

    private static int indexOfSame(ArrayNode entries, JsonNode entry) {
        String identity =
                IDENTITIES.stream().filter(entry::hasNonNull).findFirst().orElse(null);
        if (identity == null) {
            return -1;
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entry.get(identity).equals(entries.get(i).get(identity))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean contains(ArrayNode entries, JsonNode entry) {
        for (JsonNode existing : entries) {
            if (existing.equals(entry)) {
                return true;
            }
        }
        return false;
    }

    private static void collectPlaceholders(JsonNode node, Set<String> names) {
        if (node.isTextual()) {
            Matcher matcher = PLACEHOLDER.matcher(node.asText());
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            collectPlaceholders(children.next(), names);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new LocalStackException("could not read the realm file " + file + ": " + e.getMessage(), e);
        }
    }
}
