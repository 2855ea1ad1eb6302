package org.opencdp.profile.domain;

/** What a satisfaction answer measures, and the scores it takes. */
public enum FeedbackMeasure {
    /** Customer satisfaction: 1 (very dissatisfied) to 5 (very satisfied). */
    CSAT(1, 5),
    /** Net Promoter Score answer: 0 to 10; 9-10 promoters, 7-8 passives, 0-6 detractors. */
    NPS(0, 10);

    private final int lowest;
    private final int highest;

    FeedbackMeasure(int lowest, int highest) {
        this.lowest = lowest;
        this.highest = highest;
    }

    public int lowest() {
        return lowest;
    }

    public int highest() {
        return highest;
    }
}
