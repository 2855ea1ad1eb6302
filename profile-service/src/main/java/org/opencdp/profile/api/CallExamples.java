package org.opencdp.profile.api;

/** Example bodies of the call-event operations for the OpenAPI document. */
final class CallExamples {

    private CallExamples() {}

    static final String GENERIC_STARTED = """
            {"callId":"c-20261127-0042","event":"started","direction":"in","from":"+49 30 1234567",
             "to":"030 9876543-12","startedAt":"2026-11-26T09:15:02Z"}""";

    static final String GENERIC_ENDED = """
            {"callId":"c-20261127-0042","event":"ended","direction":"in","from":"+49 30 1234567",
             "to":"030 9876543-12","agent":{"extension":"12","email":"erika.service@example.com"},
             "startedAt":"2026-11-26T09:15:02Z","answeredAt":"2026-11-26T09:15:09Z","endedAt":"2026-11-26T09:20:21Z",
             "durationSeconds":312,"summary":"Asked about the delivery date of order 4711"}""";

    static final String GENERIC_MISSED = """
            {"callId":"c-20261127-0043","event":"missed","direction":"in","from":"0049301234567",
             "to":"030 9876543","startedAt":"2026-11-26T09:31:40Z","endedAt":"2026-11-26T09:32:10Z"}""";

    static final String ANSWER_CREATED = """
            {"callId":"c-20261127-0042","matched":true,"match":"MATCHED",
             "entryId":"5b1e9a7c-2f3d-4e8a-9c6b-7d0e1f2a3b4c","change":"CREATED"}""";

    static final String ANSWER_AMBIGUOUS = """
            {"callId":"c-20261127-0044","matched":false,"match":"AMBIGUOUS","entryId":null,"change":"NOTHING_STORED"}""";

    static final String ANSWER_UNKNOWN = """
            {"callId":"c-20261127-0045","matched":false,"match":"UNKNOWN","entryId":null,"change":"NOTHING_STORED"}""";
}
