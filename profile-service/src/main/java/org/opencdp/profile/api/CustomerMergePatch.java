package org.opencdp.profile.api;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.CustomerKind;
import org.opencdp.profile.domain.CustomerProfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Applies a JSON merge patch (RFC 7396) to a stored profile and validates the result, in one place. It belongs to
 * the api layer because a patch is written against the API's shape of a customer ({@link CustomerInput}: its
 * field names, its lists, its {@code type}), not the domain's; and the patched customer must pass exactly the
 * checks a full replacement (PUT) passes, the Bean Validation constraints of {@link CustomerInput}, before the
 * service sees it as a profile. Merging and validating anywhere else would let PATCH and PUT drift apart.
 */
@ApplicationScoped
class CustomerMergePatch {

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    /** The patch document; 400 before anything is read when it is not a JSON object. */
    JsonNode parse(String body) throws IOException {
        JsonNode patch = json.readTree(body == null ? "" : body);
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("A merge patch must be a JSON object.");
        }
        return patch;
    }

    /** The profile after the patch; 400 when the patched customer is invalid. */
    CustomerProfile apply(CustomerProfile current, JsonNode patch) throws IOException {
        ObjectNode merged = json.valueToTree(
                current.kind() == CustomerKind.PERSON ? PersonInput.of(current) : CompanyInput.of(current));
        merged.put("type", current.kind().name());
        merge(merged, patch);
        CustomerInput input = json.treeToValue(merged, CustomerInput.class);
        var violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(
                    violations.stream().map(v -> (ConstraintViolation<?>) v).collect(Collectors.toSet()));
        }
        return input.toProfile();
    }

    /** RFC 7396: present fields replace, null removes, objects merge recursively, arrays replace. */
    private static void merge(ObjectNode target, JsonNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            JsonNode existing = target.get(field.getKey());
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, value);
            } else {
                target.set(field.getKey(), value);
            }
        }
    }
}
