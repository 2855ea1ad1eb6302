package org.opencdp.behaviour.api;

/** Examples of the KPI (as sales and as service) and CLV model answers for the OpenAPI document. */
final class KpiExamples {

    static final String KPIS = """
            {"subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","currency":"EUR","totalRevenue":400.00,"orderCount":4,
             "averageOrderValue":100.00,"firstPurchase":"2026-01-30T12:00:00Z","lastPurchase":"2026-11-16T12:00:00Z",
             "purchaseDays":4,"meanDaysBetweenPurchases":96.67,"medianDaysBetweenPurchases":100.00,
             "nextExpectedPurchase":"2027-02-21","recencyScore":4,"frequencyScore":5,"monetaryScore":5,
             "rfmSegment":"loyal","historicalClv":400.00,"predictedClv":212.40,"probabilityAlive":0.93,
             "computedAt":"2026-11-26T03:00:04Z",
             "revenuePerMonth":[{"month":"2026-01","revenue":100.00,"orders":1},{"month":"2026-05","revenue":100.00,"orders":1}]}""";

    static final String SEGMENT_ONLY = """
            {"subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","recencyScore":4,"frequencyScore":5,"monetaryScore":5,
             "rfmSegment":"loyal","computedAt":"2026-11-26T03:00:04Z"}""";

    static final String FIT = """
            {"fittedAt":"2026-11-26T03:00:01Z","observedUntil":"2026-11-26",
             "purchases":{"model":{"r":0.2426,"alpha":4.4136,"a":0.7929,"b":2.4259},"logLikelihood":-9582.43,
                          "customers":2357,"converged":true},
             "spend":{"model":{"p":6.2496,"q":3.7442,"gamma":15.4435},"logLikelihood":-4009.1,"customers":946,
                      "converged":true},
             "usable":true,"assumptions":{"horizonMonths":12,"yearlyDiscountRate":0.1,"margin":1.0}}""";

    static final String RECOMPUTED = """
            {"customers":100000,"predicted":100000,"computedAt":"2026-11-26T03:00:04Z"}""";

    private KpiExamples() {}
}
