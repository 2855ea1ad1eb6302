package org.opencdp.consent.api;

/** Examples for the OpenAPI document: the frontend teams' manual. */
final class ConsentExamples {

    private ConsentExamples() {}

    static final String SUBJECT = "7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c";
    static final String VISITOR = "3f6b1c0e9a7d4e2b8c5a1f0d6e9b2c47";
    static final String HASH = "6d1c4b3f0b5a2e7d8c9f0a1b2c3d4e5f60718293a4b5c6d7e8f9012345678901";

    static final String PURPOSES = """
            [{"id":"newsletter","legalBasis":"CONSENT","directMarketing":true,"doubleOptIn":true,
              "dataCategories":["contact-data","consent-proof"],"retention":"until the consent is revoked",
              "current":{"version":1,"createdAt":"2026-11-26T10:00:00Z","createdBy":"system:shipped-defaults",
                "texts":{"de":{"title":"Newsletter","body":"Ich möchte den Newsletter … erhalten.","hash":"6d1c4b3f0b5a2e7d8c9f0a1b2c3d4e5f60718293a4b5c6d7e8f9012345678901"},
                         "en":{"title":"Newsletter","body":"I would like to receive the newsletter …","hash":"6d1c4b3f0b5a2e7d8c9f0a1b2c3d4e5f60718293a4b5c6d7e8f9012345678901"}}}}]""";

    static final String PURPOSE_INPUT = """
            {"id":"loyalty-programme","legalBasis":"CONSENT","directMarketing":true,"doubleOptIn":false,
             "dataCategories":["contact-data","purchase-history"],"retention":"until the consent is revoked",
             "texts":{"de":{"title":"Kundenkarte","body":"Ich möchte Angebote passend zu meinen Einkäufen erhalten."},
                      "en":{"title":"Loyalty card","body":"I would like offers matching my purchases."}}}""";

    static final String ATTRIBUTES_INPUT = """
            {"legalBasis":"CONSENT","directMarketing":true,"doubleOptIn":true,"dataCategories":["contact-data"],
             "retention":"until the consent is revoked, then 30 days for the suppression list"}""";

    static final String VERSION_INPUT = """
            {"texts":{"de":{"title":"Newsletter","body":"Ich möchte den Newsletter wöchentlich per E-Mail erhalten."},
                      "en":{"title":"Newsletter","body":"I would like to receive the weekly newsletter by e-mail."}}}""";

    static final String CONSENT_INPUT = """
            {"subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","purpose":"phone-marketing","version":1,"language":"de",
             "textHash":"6d1c4b3f0b5a2e7d8c9f0a1b2c3d4e5f60718293a4b5c6d7e8f9012345678901","channel":"PHONE",
             "proofReference":"CALL-2026-4711"}""";

    static final String RECORDED = """
            {"entryId":"019ac1a0-7e2b-7c4d-8e1f-2a3b4c5d6e7f","status":"GRANTED"}""";

    static final String REVOKE_ALL = """
            {"visitorId":"3f6b1c0e9a7d4e2b8c5a1f0d6e9b2c47","all":true,"channel":"WEB_FORM"}""";

    static final String REVOKED = """
            {"purposes":[{"purpose":"newsletter","changed":true,"entryId":"019ac1a0-7e2b-7c4d-8e1f-2a3b4c5d6e7f",
                          "revokedEntryId":"019ac19f-1a2b-7c3d-8e4f-5a6b7c8d9e0f"},
                         {"purpose":"web-analytics","changed":false}]}""";

    static final String DECISION_INPUT = """
            {"pairs":[{"subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","purpose":"newsletter"},
                      {"visitorId":"3f6b1c0e9a7d4e2b8c5a1f0d6e9b2c47","purpose":"web-analytics"}]}""";

    static final String DECISION = """
            {"subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","purpose":"newsletter","allowed":true,
             "legalBasis":"CONSENT","entryId":"019ac1a0-7e2b-7c4d-8e1f-2a3b4c5d6e7f","reason":"GRANTED"}""";

    static final String DECISIONS = """
            {"decisions":[
              {"subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","purpose":"newsletter","allowed":true,
               "legalBasis":"CONSENT","entryId":"019ac1a0-7e2b-7c4d-8e1f-2a3b4c5d6e7f","reason":"GRANTED"},
              {"visitorId":"3f6b1c0e9a7d4e2b8c5a1f0d6e9b2c47","purpose":"web-analytics","allowed":false,
               "legalBasis":"CONSENT","entryId":null,"reason":"NOT_GRANTED"}]}""";

    static final String OBJECTION_INPUT = """
            {"channel":"PAPER","proofReference":"DSR-2026-0815"}""";

    static final String LINK_INPUT = """
            {"subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c"}""";
}
