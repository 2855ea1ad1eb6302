package org.opencdp.profile.domain;

import java.util.List;
import java.util.UUID;

/**
 * The 360° view of one customer: master data and the local parts (read as the reader's access allows), and the
 * remote parts with their markers. A restricted customer's overview carries only the id and the marker: nothing else
 * is read (GDPR Art. 18).
 */
public record CustomerOverview(
        UUID id,
        boolean restricted,
        StoredCustomer customer,
        OverviewPart<List<ConsentState>> consents,
        OverviewPart<PurchaseKpis> kpis,
        OverviewPart<WebVisits> webVisits,
        List<StoredTimelineEntry> timeline,
        List<StoredFollowUp> followUps,
        StoredFeedback latestFeedback) {

    public static CustomerOverview ofRestricted(UUID id) {
        return new CustomerOverview(id, true, null, null, null, null, null, null, null);
    }
}
