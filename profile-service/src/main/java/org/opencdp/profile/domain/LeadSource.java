package org.opencdp.profile.domain;

/** Where a lead came from; it becomes the customer's acquisition source on conversion. */
public enum LeadSource {
    TRADE_FAIR(AcquisitionSource.EVENT),
    WEBSITE(AcquisitionSource.WEBSITE),
    REFERRAL(AcquisitionSource.REFERRAL),
    COLD_CALL(AcquisitionSource.PHONE),
    PARTNER(AcquisitionSource.PARTNER),
    OTHER(AcquisitionSource.OTHER);

    private final AcquisitionSource acquisitionSource;

    LeadSource(AcquisitionSource acquisitionSource) {
        this.acquisitionSource = acquisitionSource;
    }

    public AcquisitionSource acquisitionSource() {
        return acquisitionSource;
    }
}
