package org.opencdp.profile.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.CustomerProfile;
import org.opencdp.profile.service.CustomerService;
import org.opencdp.subjectrights.CategoryOutcome;
import org.opencdp.subjectrights.SubjectRectifier;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * profile-service's part of an Art. 16 rectification (libs/subject-rights: role svc-retention, receipt by request
 * id). It lives in the api layer because the patch is written against the API's shape of a customer and must pass
 * exactly the checks a PATCH passes ({@link CustomerMergePatch}); the service stores it like any change.
 */
@ApplicationScoped
class CustomerRectification implements SubjectRectifier {

    static final String MASTER_DATA = "customer-master-data";

    @Inject
    CustomerService customers;

    @Inject
    CustomerMergePatch patches;

    @Override
    public List<CategoryOutcome> rectify(UUID subjectId, UUID requestId, JsonNode patch) {
        customers.rectify(
                subjectId, current -> apply(current, patch), "GDPR Art. 16 rectification request " + requestId);
        return List.of(CategoryOutcome.rectified(MASTER_DATA, 1));
    }

    private CustomerProfile apply(CustomerProfile current, JsonNode patch) {
        try {
            return patches.apply(current, patch);
        } catch (JsonMappingException e) {
            // A field the customer does not have (e.g. companyName for a person) or a value of the wrong type; the
            // problem names the field, never the value.
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw ProblemException.invalidField(
                    field.isEmpty() ? "patch" : "patch." + field,
                    "is not a field of this customer or has the wrong type");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
