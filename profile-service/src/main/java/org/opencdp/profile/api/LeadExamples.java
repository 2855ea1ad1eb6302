package org.opencdp.profile.api;

/** Example bodies of the lead operations for the OpenAPI document. */
final class LeadExamples {

    private LeadExamples() {}

    static final String ID = "5b1e7c3a-2f4d-4e8a-9b6c-0d1e2f3a4b5c";

    static final String PERSON_INPUT = """
            {"type":"PERSON","salutation":"MS","givenName":"Erika","familyName":"Mustermann",
             "email":"erika.mustermann@example.de","phone":"0171 2345678","source":"TRADE_FAIR"}""";

    static final String COMPANY_INPUT = """
            {"type":"COMPANY","companyName":"Musterbau GmbH","email":"einkauf@musterbau.example",
             "phone":"+49 89 1234567","source":"REFERRAL"}""";

    static final String VIEW = """
            {"id":"5b1e7c3a-2f4d-4e8a-9b6c-0d1e2f3a4b5c","type":"PERSON","version":0,"source":"TRADE_FAIR",
             "stage":"NEW","salutation":"MS","givenName":"Erika","familyName":"Mustermann",
             "email":"erika.mustermann@example.de","phone":"+491712345678","createdAt":"2026-11-27T09:00:00Z",
             "updatedAt":"2026-11-27T09:00:00Z","lastTouchedAt":"2026-11-27T09:00:00Z"}""";

    static final String CONVERTED_VIEW = """
            {"id":"5b1e7c3a-2f4d-4e8a-9b6c-0d1e2f3a4b5c","type":"PERSON","version":3,"source":"TRADE_FAIR",
             "stage":"WON","createdAt":"2026-11-27T09:00:00Z","updatedAt":"2026-12-04T15:30:00Z",
             "lastTouchedAt":"2026-12-04T15:30:00Z","convertedAt":"2026-12-04T15:30:00Z",
             "customerId":"5b1e7c3a-2f4d-4e8a-9b6c-0d1e2f3a4b5c"}""";

    static final String STAGE_INPUT = """
            {"stage":"QUALIFIED"}""";

    static final String CONVERTED_CUSTOMER = """
            {"id":"5b1e7c3a-2f4d-4e8a-9b6c-0d1e2f3a4b5c","type":"PERSON","version":0,
             "createdAt":"2026-12-04T15:30:00Z","updatedAt":"2026-12-04T15:30:00Z","salutation":"MS",
             "givenName":"Erika","familyName":"Mustermann",
             "emails":[{"address":"erika.mustermann@example.de","use":"PRIVATE","primary":true}],
             "phones":[{"number":"+491712345678","type":"OTHER","primary":true}],"acquisitionSource":"EVENT"}""";
}
