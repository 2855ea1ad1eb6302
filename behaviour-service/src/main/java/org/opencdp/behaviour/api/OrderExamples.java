package org.opencdp.behaviour.api;

/** Examples for the OpenAPI document: the frontend and shop teams' manual. */
final class OrderExamples {

    static final String ORDER_INPUT = """
            {"externalId":"SO-2026-000123","subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c",
             "orderedAt":"2026-11-20T14:03:00+01:00","channel":"WEB","paymentMethod":"PAYPAL","currency":"EUR",
             "lines":[{"sku":"SKU-4711","category":"coffee","quantity":2,"unitPrice":12.90,"discount":0},
                      {"sku":"SKU-0815","category":"machines","quantity":1,"unitPrice":34.00,"discount":0}],
             "discount":5.00,"coupon":"WINTER5","total":54.80}""";

    static final String ORDER_VIEW = """
            {"id":"01936f3e-8d2a-7b4c-9e1f-2a3b4c5d6e7f","externalId":"SO-2026-000123",
             "subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","orderedAt":"2026-11-20T13:03:00Z","channel":"WEB",
             "paymentMethod":"PAYPAL","currency":"EUR",
             "lines":[{"sku":"SKU-4711","category":"coffee","quantity":2,"unitPrice":12.90,"discount":0.00},
                      {"sku":"SKU-0815","category":"machines","quantity":1,"unitPrice":34.00,"discount":0.00}],
             "discount":5.00,"coupon":"WINTER5","total":54.80,"returned":0.00,"netRevenue":54.80,
             "adjustments":[]}""";

    static final String BULK_NDJSON = """
            {"externalId":"SO-1","subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","orderedAt":"2026-11-20T14:03:00Z","channel":"WEB","paymentMethod":"PAYPAL","currency":"EUR","lines":[{"sku":"SKU-4711","category":"coffee","quantity":1,"unitPrice":12.90}],"total":12.90}
            {"externalId":"SO-2","subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","orderedAt":"2026-11-21T09:00:00Z","channel":"APP","paymentMethod":"INVOICE","currency":"EUR","lines":[{"sku":"SKU-4711","category":"coffee","quantity":-1,"unitPrice":12.90}],"total":-12.90}
            """;

    static final String BULK_RESULT = """
            {"received":2,"created":1,"unchanged":0,"rejected":1,"results":[
             {"row":0,"externalId":"SO-1","outcome":"CREATED","orderId":"01936f3e-8d2a-7b4c-9e1f-2a3b4c5d6e7f"},
             {"row":1,"externalId":"SO-2","outcome":"REJECTED","problem":{"type":"urn:opencdp:problem:validation",
              "title":"Invalid request","status":400,"detail":"2 fields are invalid","errors":[
              {"field":"total","message":"must not be negative"},
              {"field":"lines[0].quantity","message":"must be at least 1"}]}}]}""";

    static final String RETURN_INPUT = """
            {"returnId":"R-77","returnedAt":"2026-11-25T09:00:00Z","amount":12.90}""";

    static final String CANCELLATION_INPUT = """
            {"cancelledAt":"2026-11-20T15:00:00Z"}""";

    private OrderExamples() {}
}
