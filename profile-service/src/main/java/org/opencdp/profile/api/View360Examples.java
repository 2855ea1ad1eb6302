package org.opencdp.profile.api;

/** Examples of the 360° view for the OpenAPI document. */
final class View360Examples {

    static final String AS_SALES = """
            {"id":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","restricted":false,
             "customer":{"id":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","type":"PERSON","version":3,
              "createdAt":"2026-11-25T10:15:30Z","updatedAt":"2026-11-26T09:00:00Z","salutation":"MS",
              "givenName":"Erika","familyName":"Mustermann","language":"de",
              "emails":[{"address":"erika.mustermann@example.de","use":"PRIVATE","primary":true}],
              "phones":[{"number":"+491712345678","type":"MOBILE","primary":true}]},
             "consents":{"decisions":[
              {"purpose":"newsletter","allowed":true,"legalBasis":"CONSENT","reason":"GRANTED",
               "entryId":"019ac1a0-7e2b-7c4d-8e1f-2a3b4c5d6e7f"},
              {"purpose":"phone-marketing","allowed":false,"legalBasis":"CONSENT","reason":"NOT_GRANTED"},
              {"purpose":"personalisation","allowed":true,"legalBasis":"CONSENT","reason":"GRANTED",
               "entryId":"019ac1a0-9c4d-7e5f-8a1b-3c4d5e6f7a8b"},
              {"purpose":"web-analytics","allowed":true,"legalBasis":"CONSENT","reason":"GRANTED",
               "entryId":"019ac1a0-ab5e-7f60-9b2c-4d5e6f7a8b9c"}]},
             "kpis":{"currency":"EUR","totalRevenue":400.00,"orderCount":4,"averageOrderValue":100.00,
              "firstPurchase":"2026-01-30T12:00:00Z","lastPurchase":"2026-11-16T12:00:00Z",
              "nextExpectedPurchase":"2027-02-21","recencyScore":4,"frequencyScore":5,"monetaryScore":5,
              "rfmSegment":"loyal","historicalClv":400.00,"predictedClv":212.40,"probabilityAlive":0.93,
              "computedAt":"2026-11-26T03:00:04Z"},
             "webVisits":{"lastVisit":"2026-11-26T14:04:02.731Z","visits":7,
              "topPages":[{"url":"https://shop.example/tents","views":9}]},
             "timeline":[{"id":"0b9d1f6e-3c2a-4e8b-9f1d-5a6b7c8d9e0f","customerId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c",
              "channel":"CALL","direction":"INBOUND","occurredAt":"2026-11-26T09:12:00Z","durationSeconds":312,
              "agent":"erika.service","summary":"Asked about the delivery date of order 4711","source":"integrations",
              "externalReference":"sipgate-call-9f3c2a","businessLetter":false,"recordedAt":"2026-11-26T09:17:14Z"}],
             "followUps":[{"id":"5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b","subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c",
              "subjectType":"CUSTOMER","owner":"sales","dueDate":"2026-12-04","note":"Send the revised proposal",
              "done":false,"createdAt":"2026-11-26T09:20:00Z"}],
             "latestFeedback":{"id":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","customerId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c",
              "measure":"NPS","score":9,"comment":"Quick and friendly help","source":"AFTER_CALL",
              "answeredAt":"2026-11-26T09:30:00Z","timelineEntryId":"2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
              "recordedAt":"2026-11-26T09:30:01Z"}}""";

    static final String DEGRADED = """
            {"id":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","restricted":false,
             "customer":{"id":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","type":"PERSON","version":3,
              "createdAt":"2026-11-25T10:15:30Z","updatedAt":"2026-11-26T09:00:00Z","salutation":"MS",
              "givenName":"Erika","familyName":"Mustermann","language":"de",
              "emails":[{"address":"erika.mustermann@example.de","use":"PRIVATE","primary":true}],
              "phones":[{"number":"+491712345678","type":"MOBILE","primary":true}]},
             "consents":{"unavailable":"consent-service is unavailable"},
             "kpis":{"unavailable":"behaviour-service timed out"},
             "webVisits":{"unavailable":"the personalisation consent could not be checked at consent-service"},
             "timeline":[],"followUps":[]}""";

    static final String AS_SERVICE_WITHOUT_CONSENT = """
            {"id":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","restricted":false,
             "customer":{"id":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","type":"PERSON","version":3,
              "createdAt":"2026-11-25T10:15:30Z","updatedAt":"2026-11-26T09:00:00Z","salutation":"MS",
              "givenName":"Erika","familyName":"Mustermann","language":"de",
              "emails":[{"address":"erika.mustermann@example.de","use":"PRIVATE","primary":true}],
              "phones":[{"number":"+491712345678","type":"MOBILE","primary":true}]},
             "consents":{"decisions":[{"purpose":"personalisation","allowed":false,"legalBasis":"CONSENT",
              "reason":"NOT_GRANTED"}]},
             "kpis":{"recencyScore":4,"frequencyScore":5,"monetaryScore":5,"rfmSegment":"loyal",
              "computedAt":"2026-11-26T03:00:04Z"},
             "webVisits":{"notConsented":"no personalisation consent in force"},
             "timeline":[],"followUps":[]}""";

    static final String RESTRICTED = """
            {"id":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","restricted":true}""";

    private View360Examples() {}
}
