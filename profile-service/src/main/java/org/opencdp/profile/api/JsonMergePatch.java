package org.opencdp.profile.api;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 7396 JSON merge patch: present fields replace, null removes, objects merge recursively, arrays replace. */
final class JsonMergePatch {

    private JsonMergePatch() {
    }

    static void apply(ObjectNode target, JsonNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            JsonNode existing = target.get(field.getKey());
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && existing != null && existing.isObject()) {
                apply((ObjectNode) existing, value);
            } else {
                target.set(field.getKey(), value);
            }
        }
    }
}
