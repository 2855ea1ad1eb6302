package org.opencdp.behaviour.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.behaviour.domain.CustomerAttributes;
import org.opencdp.behaviour.repository.CustomerAttributesRepository;
import org.opencdp.subjectrights.CategoryExport;
import org.opencdp.subjectrights.CategoryOutcome;
import org.opencdp.subjectrights.DataCategory;
import org.opencdp.subjectrights.SubjectDataHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

/** behaviour-service's part of the subject-rights contract. Each data category it holds is declared here. */
@ApplicationScoped
public class BehaviourSubjectData implements SubjectDataHandler {

    static final String CUSTOMER_ATTRIBUTES = "customer-attributes";

    @Inject
    CustomerAttributesRepository attributes;

    @Inject
    ObjectMapper json;

    @Override
    public List<DataCategory> categories() {
        return List.of(new DataCategory(
                CUSTOMER_ATTRIBUTES,
                "Age band, country, postcode region, language and B2B bands, copied from profile-service for segments",
                "GDPR Art. 6(1)(f) legitimate interest in customer segmentation",
                "while the customer exists in profile-service"));
    }

    @Override
    public List<CategoryExport> export(UUID subjectId) {
        CustomerAttributes found = attributes.findById(subjectId);
        List<CustomerAttributes> records = found == null ? List.of() : List.of(found);
        return List.of(new CategoryExport(CUSTOMER_ATTRIBUTES, records.size(), json.valueToTree(records)));
    }

    @Override
    public List<CategoryOutcome> erase(UUID subjectId) {
        return List.of(CategoryOutcome.erased(CUSTOMER_ATTRIBUTES, attributes.deleteById(subjectId) ? 1 : 0));
    }
}
