package org.opencdp.profile.api;

/** Example bodies of the feedback operations for the OpenAPI document. */
final class FeedbackExamples {

    private FeedbackExamples() {}

    static final String NPS_INPUT = """
            {"nps":9,"comment":"Quick and friendly help","source":"AFTER_CALL","answeredAt":"2026-11-26T14:20:00Z",
             "timelineEntryId":"5b1e9a7c-2f3d-4e8a-9c6b-7d0e1f2a3b4c"}""";

    static final String CSAT_INPUT = """
            {"csat":4,"source":"SURVEY_LINK"}""";

    static final String VIEW = """
            {"id":"9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d","customerId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c",
             "measure":"NPS","score":9,"comment":"Quick and friendly help","source":"AFTER_CALL",
             "answeredAt":"2026-11-26T14:20:00Z","aboutTimelineEntryId":"5b1e9a7c-2f3d-4e8a-9c6b-7d0e1f2a3b4c",
             "timelineEntryId":"2f4e6a8c-0b1d-4e3f-9a5b-7c9d1e3f5a7b","recordedAt":"2026-11-26T14:20:03Z"}""";

    static final String BOTH_PROBLEM = """
            {"type":"urn:opencdp:problem:validation","title":"Invalid request","status":400,
             "detail":"1 field is invalid","instance":"/api/v1/customers/7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c/feedback",
             "errors":[{"field":"nps","message":"give exactly one of csat (1-5) and nps (0-10)"}]}""";

    static final String REPORT = """
            {"nps":{"name":"nps-per-month","minCustomers":5,
              "columns":["month","customerKind","answers","customers","nps","promoters","passives","detractors","suppressed"],
              "rows":[{"month":"2026-10","customerKind":"PERSON","answers":120,"customers":118,"nps":31.7,"promoters":62,
                       "passives":34,"detractors":24,"suppressed":false},
                      {"month":"2026-10","customerKind":"COMPANY","answers":null,"customers":null,"nps":null,
                       "promoters":null,"passives":null,"detractors":null,"suppressed":true}]},
             "csat":{"name":"csat-per-month","minCustomers":5,
              "columns":["month","customerKind","answers","customers","average","rating1","rating2","rating3","rating4",
                         "rating5","suppressed"],
              "rows":[{"month":"2026-10","customerKind":"PERSON","answers":80,"customers":77,"average":4.21,"rating1":2,
                       "rating2":3,"rating3":8,"rating4":27,"rating5":40,"suppressed":false}]}}""";
}
