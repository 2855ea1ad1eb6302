package org.opencdp.profile.api;

/** Example bodies of the timeline's operations for the OpenAPI document. */
final class TimelineExamples {

    private TimelineExamples() {}

    static final String CALL_INPUT = """
            {"channel":"CALL","direction":"INBOUND","occurredAt":"2026-11-26T14:03:00Z","durationSeconds":312,
             "agent":"erika.service","summary":"Asked about the delivery date of order 4711",
             "externalReference":"sipgate-call-9f3c2a"}""";

    static final String LETTER_INPUT = """
            {"channel":"LETTER","direction":"OUTBOUND","occurredAt":"2026-11-20T09:00:00Z",
             "summary":"Offer 2026-118 for the roof renovation sent"}""";

    static final String CALL_VIEW = """
            {"id":"5b1e9a7c-2f3d-4e8a-9c6b-7d0e1f2a3b4c","customerId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c",
             "channel":"CALL","direction":"INBOUND","occurredAt":"2026-11-26T14:03:00Z","durationSeconds":312,
             "agent":"erika.service","summary":"Asked about the delivery date of order 4711","source":"integrations",
             "externalReference":"sipgate-call-9f3c2a","businessLetter":false,"recordedAt":"2026-11-26T14:08:12Z"}""";

    static final String PAGE = """
            {"items":[{"id":"5b1e9a7c-2f3d-4e8a-9c6b-7d0e1f2a3b4c","customerId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c",
             "channel":"CALL","direction":"INBOUND","occurredAt":"2026-11-26T14:03:00Z","durationSeconds":312,
             "agent":"erika.service","summary":"Asked about the delivery date of order 4711","source":"integrations",
             "externalReference":"sipgate-call-9f3c2a","businessLetter":false,"recordedAt":"2026-11-26T14:08:12Z"},
             {"id":"1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d","customerId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c",
             "channel":"LETTER","direction":"OUTBOUND","occurredAt":"2026-11-20T09:00:00Z","agent":"max.sales",
             "summary":"Offer 2026-118 for the roof renovation sent","source":"max.sales","businessLetter":true,
             "recordedAt":"2026-11-20T09:01:40Z"}],
             "next":"NWIxZTlhN2MtMmYzZC00ZThhLTljNmItN2QwZTFmMmEzYjRj"}""";

    static final String VALIDATION_PROBLEM = """
            {"type":"urn:opencdp:problem:validation","title":"Invalid request","status":400,
             "detail":"1 field is invalid","instance":"/api/v1/customers/7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c/timeline",
             "errors":[{"field":"occurredAt","message":"must not be null"}]}""";
}
