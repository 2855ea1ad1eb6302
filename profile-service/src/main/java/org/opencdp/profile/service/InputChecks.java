package org.opencdp.profile.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.problem.Problem;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.CustomerProfile;
import org.opencdp.sensitivenumbers.SensitiveNumbers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks that Bean Validation cannot express on a single field: no payment card number or IBAN anywhere in what
 * is stored, whatever field it was pasted into. The service applies them, so they hold for every way a profile
 * gets in, not only for the requests that the api layer validates.
 */
@ApplicationScoped
public class InputChecks {

    @Inject
    ObjectMapper json;

    /** Errors name the profile's fields as a request names them ({@code emails[0].address}). */
    public void noPaymentNumbersIn(CustomerProfile profile) {
        List<Problem.FieldError> errors = new ArrayList<>();
        walk(json.valueToTree(profile), "", errors);
        throwIfAny(errors);
    }

    /** Errors name a customer by its position, as a batch request does ({@code customers[3].emails[0].address}). */
    public void noPaymentNumbersInBatch(List<CustomerProfile> profiles) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            walk(json.valueToTree(profiles.get(i)), "customers[" + i + "]", errors);
        }
        throwIfAny(errors);
    }

    public void noPaymentNumbersIn(String field, String value) {
        SensitiveNumbers.Kind found = SensitiveNumbers.find(value);
        if (found != null) {
            throw ProblemException.invalidField(field, message(found));
        }
    }

    private static void throwIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    private static void walk(JsonNode node, String path, List<Problem.FieldError> errors) {
        if (node.isTextual()) {
            SensitiveNumbers.Kind found = SensitiveNumbers.find(node.textValue());
            if (found != null) {
                errors.add(new Problem.FieldError(path.isEmpty() ? "$" : path, message(found)));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", errors);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                walk(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), errors);
            }
        }
    }

    private static String message(SensitiveNumbers.Kind kind) {
        return "looks like " + kind.description() + "; only a payment method type and a masked reference may be "
                + "stored (preferredPaymentMethod)";
    }
}
