package org.opencdp.retention.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.opencdp.retention.domain.CatalogPurpose;
import org.opencdp.retention.domain.RecordOfProcessing;
import org.opencdp.retention.domain.RecordOfProcessing.Activity;
import org.opencdp.retention.domain.RecordOfProcessing.InternalFlow;
import org.opencdp.retention.domain.RecordOfProcessing.Party;
import org.opencdp.retention.domain.RecordOfProcessing.PersonalData;
import org.opencdp.retention.domain.RecordOfProcessing.Processor;
import org.opencdp.retention.domain.RecordOfProcessing.Transfer;
import org.opencdp.retention.domain.RetentionPolicy;
import org.opencdp.subjectrights.DataCategory;
import org.opencdp.subjectrights.RetentionCategories;
import org.opencdp.subjectrights.SubjectCategory;

/**
 * Puts the record of processing together from its sources; it reads nothing itself, so what it makes of them is
 * tested on its own. A purpose is every purpose id a service declares for a data category: its legal basis comes
 * from consent-service's catalog where the purpose is there, else from the categories' own declarations (and the
 * record names the purpose under {@code gaps}).
 */
final class RecordAssembler {

    /** The measures every service takes (docs/security.md); the audit trail's period comes from its policy. */
    static List<String> measures(RetentionPolicy auditTrail) {
        return List.of(
                "Encryption of personal data field by field with a key per subject (AES-256-GCM); the keys are wrapped "
                        + "by the service's master key and kept in a separate key database (docs/security.md, "
                        + "section 3)",
                "Erasure by crypto-shredding: destroying the subject's key makes every copy unreadable, backups "
                        + "included; records kept under a legal hold keep the key until their period ends",
                "Audit trail of every read and change of a subject's data in every service: subject ids only, a keyed "
                        + "hash chain per subject, append-only for the application's database role"
                        + (auditTrail == null
                                ? ""
                                : "; kept " + auditTrail.period()
                                        + (auditTrail.roundToEndOfYear() ? " to the end of the year" : "")
                                        + " (" + auditTrail.legalReference() + ")"),
                "Role-based access: each person holds one department role, every endpoint names the roles it admits, "
                        + "each service account one svc-* role and only the audiences it calls; bulk reads are limited",
                "Restriction of processing (Art. 18) and legal holds enforced by every service before it uses a "
                        + "subject's data",
                "TLS between the services, to the databases and to the identity provider; network policies deny "
                        + "every other connection",
                "Retention policies applied by a daily purge run in every service, with a report per run");
    }

    private RecordAssembler() {}

    static RecordOfProcessing assemble(
            Instant generatedAt,
            RecordsSettings settings,
            List<Declared> declared,
            List<String> unanswered,
            List<CatalogPurpose> catalog,
            List<RetentionPolicy> policies) {
        List<String> gaps = new ArrayList<>(unanswered);
        if (catalog == null) {
            gaps.add("The purpose catalog (consent-service) did not answer: legal bases as the services declare them");
        }
        Map<String, CatalogPurpose> purposes = catalog == null
                ? Map.of()
                : catalog.stream().collect(Collectors.toMap(CatalogPurpose::id, Function.identity()));
        Map<String, RetentionPolicy> byCategory =
                policies.stream().collect(Collectors.toMap(RetentionPolicy::category, Function.identity()));

        Map<String, List<Held>> byPurpose = new TreeMap<>();
        List<InternalFlow> flows = new ArrayList<>();
        for (Declared service : declared) {
            Set<String> servicePurposes = new TreeSet<>();
            for (DataCategory category : service.categories()) {
                for (String purpose : category.purposes()) {
                    byPurpose
                            .computeIfAbsent(purpose, p -> new ArrayList<>())
                            .add(new Held(service.service(), category));
                    servicePurposes.add(purpose);
                }
                String retention = category.retentionCategory();
                if (retention != null && !byCategory.containsKey(retention)) {
                    gaps.add(service.service() + " declares " + category.name() + " under the retention category "
                            + retention + ", which has no policy");
                }
            }
            flows.add(new InternalFlow(
                    service.service(),
                    service.categories().stream().map(DataCategory::name).toList(),
                    List.copyOf(servicePurposes)));
        }

        List<Activity> activities = new ArrayList<>();
        byPurpose.forEach((purpose, held) -> {
            CatalogPurpose inCatalog = purposes.get(purpose);
            String legalBasis;
            String source;
            if (inCatalog != null) {
                legalBasis = inCatalog.legalBasisText();
                source = "purpose catalog";
            } else {
                legalBasis = held.stream()
                        .map(h -> h.category().legalBasis())
                        .distinct()
                        .collect(Collectors.joining("; "));
                source = "declared by the services";
                if (catalog != null) {
                    gaps.add("The purpose " + purpose + " is not in the purpose catalog: its legal basis is as the "
                            + "services declare it");
                }
            }
            Set<SubjectCategory> subjects = new TreeSet<>();
            held.forEach(h -> subjects.addAll(h.category().subjectCategories()));
            activities.add(new Activity(
                    purpose,
                    legalBasis,
                    source,
                    List.copyOf(subjects),
                    held.stream().map(h -> personalData(h, byCategory)).toList(),
                    settings.processors().values().stream()
                            .filter(p -> p.purposes().contains(purpose))
                            .map(p -> new Processor(p.name(), p.service(), p.country()))
                            .toList(),
                    settings.transfers().values().stream()
                            .filter(t -> t.purposes().contains(purpose))
                            .map(t -> new Transfer(t.recipient(), t.country(), t.safeguard()))
                            .toList(),
                    List.copyOf(
                            new LinkedHashSet<>(held.stream().map(Held::service).toList()))));
        });

        return new RecordOfProcessing(
                generatedAt,
                party(settings.controller()),
                party(settings.dpo()),
                activities,
                flows,
                policies,
                measures(byCategory.get(RetentionCategories.AUDIT_TRAIL)),
                gaps);
    }

    /** What one service declares (its capabilities document). */
    record Declared(String service, List<DataCategory> categories) {}

    private record Held(String service, DataCategory category) {}

    private static PersonalData personalData(Held held, Map<String, RetentionPolicy> policies) {
        DataCategory c = held.category();
        RetentionPolicy policy = c.retentionCategory() == null ? null : policies.get(c.retentionCategory());
        return new PersonalData(
                held.service(),
                c.name(),
                c.description(),
                c.retention(),
                c.retentionCategory(),
                policy == null ? null : policy.period().toString(),
                policy == null ? null : policy.startEvent(),
                policy == null ? null : policy.roundToEndOfYear(),
                policy == null ? null : policy.legalReference(),
                policy == null ? null : policy.version());
    }

    private static Party party(RecordsSettings.Party p) {
        return new Party(p.name(), p.address(), p.contact());
    }
}
