package org.opencdp.profile.service;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.opencdp.audit.AuditTrail;
import org.opencdp.personaldata.PersonalDataCipher;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.client.OverviewSources;
import org.opencdp.profile.domain.ConsentState;
import org.opencdp.profile.domain.CustomerOverview;
import org.opencdp.profile.domain.OverviewPart;
import org.opencdp.profile.domain.ProfileAccess;
import org.opencdp.profile.domain.PurchaseKpis;
import org.opencdp.profile.domain.StoredCustomer;
import org.opencdp.profile.domain.StoredFeedback;
import org.opencdp.profile.domain.StoredFollowUp;
import org.opencdp.profile.domain.StoredFollowUp.FollowUpSubject;
import org.opencdp.profile.domain.StoredTimelineEntry;
import org.opencdp.profile.domain.TimelineChannel;
import org.opencdp.profile.domain.TimelineEntry;
import org.opencdp.profile.domain.WebVisits;
import org.opencdp.profile.repository.CustomerRepository;
import org.opencdp.profile.repository.FeedbackRepository;
import org.opencdp.profile.repository.FollowUpRepository;
import org.opencdp.profile.repository.TimelineRepository;
import org.opencdp.subjectrights.SubjectRestrictions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The 360° view of a customer. The remote parts (consents, KPIs, web visits) are asked with the caller's own token,
 * in parallel, once the local parts are read and recorded (nothing of the request's caller is read after that); each
 * comes back as data or a marker (see {@link OverviewSources}), so the view always answers within the calls'
 * timeouts. Web visits are asked for only when the subject allows {@code personalisation}: analytics consent does not
 * cover showing a person's browsing to an agent. The whole view is one read in the audit trail.
 *
 * <p>What each reader sees: sales everything; service everything but revenue (of the KPIs the RFM scores and segment
 * alone); marketing the timeline without its content (when and how, not who or what), no follow-ups, and feedback
 * scores without comments. behaviour-service applies its own rules to the caller's token (KPIs for sales, the segment
 * for service, nothing for marketing); the view trims the KPIs once more, so no revenue reaches a reader without
 * sales whatever the service answered.
 */
@ApplicationScoped
public class CustomerOverviews {

    static final String READ = "customer.read-360";
    static final String PURPOSE = "GET /api/v1/customers/{id}/360";
    static final String PERSONALISATION = "personalisation";

    @Inject
    CustomerRepository customers;

    @Inject
    CustomerService customerService;

    @Inject
    TimelineRepository timelineEntries;

    @Inject
    TimelineCodec timelineCodec;

    @Inject
    FollowUpRepository followUps;

    @Inject
    LeadCodec followUpCodec;

    @Inject
    FeedbackRepository feedback;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    SubjectRestrictions restrictions;

    @Inject
    AuditTrail audit;

    @Inject
    OverviewSources sources;

    @Inject
    JsonWebToken token;

    @ConfigProperty(name = "opencdp.profile.view360.consent-purposes")
    List<String> consentPurposes;

    @ConfigProperty(name = "opencdp.profile.view360.timeline-entries")
    int timelineCount;

    @ConfigProperty(name = "opencdp.profile.view360.follow-ups")
    int followUpCount;

    public CustomerOverview of(UUID id, ProfileAccess reader) {
        if (customers.find(id).isEmpty()) {
            throw ProblemException.notFound("There is no customer " + id + ".");
        }
        if (restrictions.isRestricted(id)) {
            return CustomerOverview.ofRestricted(id);
        }
        // The local parts first, the remote ones after, so that everything reading the request's caller (the roles,
        // the audit trail's actor, the token) is done before any other service is asked. The calls' answers are
        // handled on the request's Vert.x context, which the request's own thread shares; under load (bench view360,
        // 2026-11-27) the caller's roles read again after the answers were, in one view of about 5,000, not there
        // (a 500 from CustomerViews.access). The remote parts still run in parallel with each other.
        CustomerOverview local = QuarkusTransaction.joiningExisting().call(() -> readLocal(id, reader));
        if (local.restricted()) {
            return local;
        }
        String bearer = "Bearer " + token.getRawToken();
        Uni<OverviewPart<List<ConsentState>>> consentsAsked =
                sources.consents(id, consentPurposes, bearer).memoize().indefinitely();
        CompletableFuture<OverviewPart<List<ConsentState>>> consents = consentsAsked.subscribeAsCompletionStage();
        CompletableFuture<OverviewPart<WebVisits>> webVisits = consentsAsked
                .chain(answer -> webVisitsIfAllowed(id, answer, bearer))
                .subscribeAsCompletionStage();
        CompletableFuture<OverviewPart<PurchaseKpis>> kpis =
                sources.kpis(id, bearer).subscribeAsCompletionStage();
        return new CustomerOverview(
                id,
                false,
                local.customer(),
                consents.join(),
                visibleKpis(kpis.join(), reader),
                webVisits.join(),
                local.timeline(),
                local.followUps(),
                local.latestFeedback());
    }

    private Uni<OverviewPart<WebVisits>> webVisitsIfAllowed(
            UUID id, OverviewPart<List<ConsentState>> consents, String bearer) {
        if (!(consents instanceof OverviewPart.Shown<List<ConsentState>> shown)) {
            return Uni.createFrom()
                    .item(new OverviewPart.Unavailable<>(
                            "the personalisation consent could not be checked at consent-service"));
        }
        boolean allowed = shown.value().stream().anyMatch(c -> PERSONALISATION.equals(c.purpose()) && c.allowed());
        if (!allowed) {
            return Uni.createFrom().item(new OverviewPart.NotConsented<>("no personalisation consent in force"));
        }
        return sources.webVisits(id, bearer);
    }

    /** The local parts in one transaction, recorded as one read; restricted meanwhile: the marker alone. */
    private CustomerOverview readLocal(UUID id, ProfileAccess reader) {
        Map<UUID, String> reads = new HashMap<>();
        StoredCustomer customer = customerService
                .readForOverview(id, reader, reads)
                .orElseThrow(() -> ProblemException.notFound("There is no customer " + id + "."));
        if (restrictions.isRestricted(id)) {
            return CustomerOverview.ofRestricted(id);
        }
        List<StoredTimelineEntry> timeline = timeline(id, reader);
        List<StoredFollowUp> open = reader == ProfileAccess.MARKETING ? null : openFollowUps(id);
        StoredFeedback latest = latestFeedback(id, reader);
        reads.put(id, READ);
        audit.recordReads(reads, PURPOSE);
        return new CustomerOverview(id, false, customer, null, null, null, timeline, open, latest);
    }

    private List<StoredTimelineEntry> timeline(UUID id, ProfileAccess reader) {
        List<TimelineEntry> newest =
                timelineEntries.page(id, EnumSet.allOf(TimelineChannel.class), null, timelineCount);
        if (reader != ProfileAccess.MARKETING) {
            return timelineCodec.decrypt(id, newest);
        }
        // Marketing sees that and how the customer was in touch, not with whom or about what: nothing is decrypted.
        return newest.stream()
                .map(e -> new StoredTimelineEntry(
                        e.id,
                        id,
                        e.channel,
                        e.direction,
                        e.occurredAt,
                        e.durationSeconds,
                        null,
                        null,
                        null,
                        null,
                        e.businessLetter,
                        e.recordedAt))
                .toList();
    }

    private List<StoredFollowUp> openFollowUps(UUID id) {
        var open = followUps.open(null, id, null, null, null, followUpCount);
        Map<UUID, String> notes = followUpCodec.decryptNotes(open);
        return open.stream()
                .map(f -> FollowUpService.stored(f, notes.get(f.id), FollowUpSubject.CUSTOMER))
                .toList();
    }

    private StoredFeedback latestFeedback(UUID id, ProfileAccess reader) {
        return feedback.latestOf(id)
                .map(row -> Feedback.stored(
                        row,
                        reader == ProfileAccess.MARKETING
                                ? null
                                : cipher.decrypt(id, Feedback.COMMENT_FIELD, row.encryptedComment)))
                .orElse(null);
    }

    /** Revenue, order values and CLV are for sales; everyone else sees the RFM scores and segment at most. */
    private static OverviewPart<PurchaseKpis> visibleKpis(OverviewPart<PurchaseKpis> kpis, ProfileAccess reader) {
        if (reader != ProfileAccess.FULL && kpis instanceof OverviewPart.Shown<PurchaseKpis> shown) {
            return OverviewPart.shown(shown.value().segmentOnly());
        }
        return kpis;
    }
}
