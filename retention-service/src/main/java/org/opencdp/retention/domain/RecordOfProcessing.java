package org.opencdp.retention.domain;

import java.time.Instant;
import java.util.List;

import org.opencdp.subjectrights.SubjectCategory;

/**
 * The record of processing activities (GDPR Art. 30(1)), generated from what the running services declare, the
 * purpose catalog, the retention policies and a small configuration. {@code gaps} names what the generator could not
 * fill in (a service that did not answer, a purpose missing from the catalog), so an incomplete record says so.
 */
public record RecordOfProcessing(
        Instant generatedAt,
        Party controller,
        Party dataProtectionOfficer,
        List<Activity> activities,
        List<InternalFlow> internalFlows,
        List<RetentionPolicy> retentionPolicies,
        List<String> technicalAndOrganisationalMeasures,
        List<String> gaps) {

    public record Party(String name, String address, String contact) {}

    /** One purpose: whom and what it concerns, on which basis, who receives it, and how long it is kept. */
    public record Activity(
            String purpose,
            String legalBasis,
            String legalBasisSource,
            List<SubjectCategory> subjectCategories,
            List<PersonalData> personalData,
            List<Processor> processors,
            List<Transfer> thirdCountryTransfers,
            List<String> internalServices) {}

    /** A data category of one service, with the retention policy that governs it (if it names one). */
    public record PersonalData(
            String service,
            String category,
            String description,
            String retention,
            String retentionCategory,
            String period,
            String startEvent,
            Boolean roundToEndOfYear,
            String legalReference,
            Integer policyVersion) {}

    /** A processor (Art. 28) that receives the purpose's data, with the country it processes in. */
    public record Processor(String name, String service, String country) {}

    /** A transfer to a third country (Art. 44-49) and its safeguard. */
    public record Transfer(String recipient, String country, String safeguard) {}

    /** One of the platform's own services and what it holds: data flows inside the controller, not recipients. */
    public record InternalFlow(String service, List<String> categories, List<String> purposes) {}
}
