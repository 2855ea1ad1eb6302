package org.opencdp.profile.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.profile.domain.CompanyContact;
import org.opencdp.profile.repository.CompanyContactRepository;
import org.opencdp.profile.repository.CustomerRepository;
import org.opencdp.subjectrights.CategoryExport;
import org.opencdp.subjectrights.CategoryOutcome;
import org.opencdp.subjectrights.DataCategory;
import org.opencdp.subjectrights.RetentionCategories;
import org.opencdp.subjectrights.SubjectCategory;
import org.opencdp.subjectrights.SubjectDataHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * profile-service's part of the subject-rights contract: the master data and the company contact links here, the
 * communication timeline in {@link TimelineSubjectData}, the feedback answers in {@link FeedbackSubjectData}, the
 * sales data (leads, follow-ups) in {@link SalesSubjectData}, the tickets in {@link TicketSubjectData}.
 */
@ApplicationScoped
public class ProfileSubjectData implements SubjectDataHandler {

    static final String MASTER_DATA = "customer-master-data";
    static final String CONTACT_LINKS = "company-contact-links";

    @Inject
    CustomerRepository customers;

    @Inject
    CompanyContactRepository contacts;

    @Inject
    ProfileCodec codec;

    @Inject
    CustomerEraser eraser;

    @Inject
    SalesSubjectData salesData;

    @Inject
    ObjectMapper json;

    @Inject
    TimelineSubjectData timeline;

    @Inject
    FeedbackSubjectData feedback;

    @Inject
    TicketSubjectData tickets;

    @Override
    public List<DataCategory> categories() {
        List<DataCategory> categories = new ArrayList<>(customerCategories());
        categories.addAll(salesData.categories());
        categories.addAll(timeline.categories());
        categories.add(feedback.category());
        categories.addAll(tickets.categories());
        return categories;
    }

    private static List<DataCategory> customerCategories() {
        return List.of(
                new DataCategory(
                        MASTER_DATA,
                        "Names, birth date, gender, occupation, language, postal addresses, e-mail addresses, phone numbers, "
                                + "preferred payment method (type and masked reference), interests, acquisition source; "
                                + "for companies: name, industry, size and revenue potential bands",
                        "GDPR Art. 6(1)(b) contract and pre-contractual steps; Art. 6(1)(f) legitimate interest for interests",
                        "while the customer relationship lasts; deleted on erasure",
                        List.of("customer-relationship", "newsletter", "phone-marketing"),
                        List.of(SubjectCategory.CUSTOMERS, SubjectCategory.CONTACT_PERSONS),
                        RetentionCategories.INACTIVE_CUSTOMER_PROFILE),
                new DataCategory(
                        CONTACT_LINKS,
                        "Which companies a person is a contact of, with the job title",
                        "GDPR Art. 6(1)(f) legitimate interest in B2B relationships",
                        "while the person is a contact; deleted on erasure",
                        List.of("customer-relationship"),
                        List.of(SubjectCategory.CONTACT_PERSONS),
                        RetentionCategories.INACTIVE_CUSTOMER_PROFILE));
    }

    @Override
    public List<CategoryExport> export(UUID subjectId) {
        List<Object> master = new ArrayList<>();
        customers
                .find(subjectId)
                .ifPresent(customer -> master.add(Map.of(
                        "id",
                        customer.id,
                        "createdAt",
                        customer.createdAt,
                        "updatedAt",
                        customer.updatedAt,
                        "profile",
                        codec.decrypt(customer))));
        List<Map<String, Object>> links = new ArrayList<>();
        for (CompanyContact link : linksOf(subjectId)) {
            Map<String, Object> entry = new java.util.LinkedHashMap<>();
            entry.put("companyId", link.companyId());
            entry.put("personId", link.personId());
            entry.put("jobTitle", codec.decryptJobTitle(link.personId(), link.encryptedJobTitle()));
            links.add(entry);
        }
        List<CategoryExport> exports = new ArrayList<>(List.of(
                new CategoryExport(MASTER_DATA, master.size(), json.valueToTree(master)),
                new CategoryExport(CONTACT_LINKS, links.size(), json.valueToTree(links))));
        exports.addAll(salesData.export(subjectId));
        exports.addAll(timeline.export(subjectId));
        exports.add(feedback.export(subjectId));
        exports.addAll(tickets.export(subjectId));
        return exports;
    }

    @Override
    public List<CategoryOutcome> erase(UUID subjectId) {
        long links = linksOf(subjectId).size();
        // First, to count them: the customer's eraser removes the sales data as well, finding none left then.
        List<CategoryOutcome> sales = salesData.erase(subjectId);
        List<CategoryOutcome> ownTickets = tickets.erase(subjectId);
        boolean erased = eraser.erase(subjectId);
        List<CategoryOutcome> outcomes = new ArrayList<>(List.of(
                CategoryOutcome.erased(MASTER_DATA, erased ? 1 : 0), CategoryOutcome.erased(CONTACT_LINKS, links)));
        outcomes.addAll(sales);
        outcomes.addAll(ownTickets);
        // The answers first: their timeline entries' deletion would take them along uncounted.
        outcomes.add(feedback.erase(subjectId));
        outcomes.addAll(timeline.erase(subjectId));
        return outcomes;
    }

    private List<CompanyContact> linksOf(UUID subjectId) {
        List<CompanyContact> links = new ArrayList<>(contacts.companiesOf(subjectId));
        links.addAll(contacts.contactsOf(subjectId));
        return links;
    }
}
