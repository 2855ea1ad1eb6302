package org.opencdp.retention.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.problem.Problem;
import org.opencdp.problem.ProblemException;
import org.opencdp.retention.domain.RequestType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks the corrected fields of an Art. 16 request when it is filed: a JSON merge patch naming only fields
 * profile-service's customer patch accepts ({@code opencdp.retention.rectification.fields}, the fields of its
 * CustomerInput; {@code type} is never one: a person does not become a company). The values are checked by
 * profile-service when it applies the patch, exactly as a PATCH is; a value it refuses fails the task.
 */
@ApplicationScoped
class RectificationPatches {

    private static final String FIELD = "rectification";
    private static final int MAX_LENGTH = 20_000;

    @ConfigProperty(name = "opencdp.retention.rectification.fields")
    List<String> fields;

    /** The patch as JSON text for a RECTIFICATION request, null for the others; a 400 problem when it is wrong. */
    String checked(RequestType type, JsonNode patch) {
        if (type != RequestType.RECTIFICATION) {
            if (patch != null && !patch.isNull()) {
                throw ProblemException.invalidField(FIELD, "only a RECTIFICATION request carries corrected fields");
            }
            return null;
        }
        if (patch == null || !patch.isObject() || patch.isEmpty()) {
            throw ProblemException.invalidField(
                    FIELD, "must be a JSON merge patch with at least one corrected field, e.g. {\"familyName\":\"…\"}");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                errors.add(new Problem.FieldError(
                        FIELD + "." + name, "is not a field a rectification corrects; one of " + fields));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        String text = patch.toString();
        if (text.length() > MAX_LENGTH) {
            throw ProblemException.invalidField(FIELD, "must be at most " + MAX_LENGTH + " characters of JSON");
        }
        return text;
    }
}
