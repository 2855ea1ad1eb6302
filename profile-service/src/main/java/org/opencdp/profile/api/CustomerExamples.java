package org.opencdp.profile.api;

/** Example bodies for the OpenAPI document: the frontend teams' manual. */
final class CustomerExamples {

    private CustomerExamples() {}

    static final String ID = "7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c";

    static final String CONTACT_ID = "0b6f2d1e-5a7c-4c39-8f0e-3d2a1b4c5e6f";

    static final String PERSON_INPUT = """
            {"type":"PERSON","salutation":"MS","title":"Dr.","givenName":"Erika","familyName":"Mustermann",
             "birthDate":"1984-08-12","gender":"FEMALE","occupation":"Tischlermeisterin","language":"de",
             "addresses":[{"type":"HOME","street":"Heidestraße 17","postcode":"51147","city":"Köln","country":"DE"}],
             "emails":[{"address":"erika.mustermann@example.de","use":"PRIVATE","primary":true}],
             "phones":[{"number":"0171 2345678","type":"MOBILE","primary":true}],
             "preferredPaymentMethod":{"type":"CREDIT_CARD","maskedReference":"**** **** **** 4242"},
             "interests":["outdoor","dogs"],"acquisitionSource":"ONLINE_SHOP"}""";

    static final String COMPANY_INPUT = """
            {"type":"COMPANY","companyName":"Musterbau GmbH","industryCode":"41.20","companySize":"SMALL",
             "revenuePotential":"HIGH","language":"de",
             "addresses":[{"type":"OFFICE","street":"Industriestraße 4","postcode":"80331","city":"München","country":"DE"}],
             "emails":[{"address":"einkauf@musterbau.example","use":"WORK","primary":true}],
             "phones":[{"number":"+49 89 1234567","type":"WORK"}],
             "preferredPaymentMethod":{"type":"INVOICE"}}""";

    static final String PERSON_VIEW = """
            {"id":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","type":"PERSON","version":0,
             "createdAt":"2026-11-25T10:15:30Z","updatedAt":"2026-11-25T10:15:30Z","salutation":"MS","title":"Dr.",
             "givenName":"Erika","familyName":"Mustermann","birthDate":"1984-08-12","age":42,"ageBand":"35-44",
             "gender":"FEMALE","occupation":"Tischlermeisterin","language":"de",
             "addresses":[{"type":"HOME","street":"Heidestraße 17","postcode":"51147","city":"Köln","country":"DE"}],
             "emails":[{"address":"erika.mustermann@example.de","use":"PRIVATE","primary":true}],
             "phones":[{"number":"+491712345678","type":"MOBILE","primary":true}],
             "preferredPaymentMethod":{"type":"CREDIT_CARD","maskedReference":"**** **** **** 4242"},
             "interests":["outdoor","dogs"],"acquisitionSource":"ONLINE_SHOP"}""";

    static final String MERGE_PATCH = """
            {"phones":[{"number":"+49 30 9876543","type":"LANDLINE","primary":true}],"title":null}""";

    static final String BATCH_INPUT = "{\"customers\":[" + PERSON_INPUT + ",\n" + COMPANY_INPUT + "]}";

    static final String BATCH_CREATED = """
            {"created":[{"id":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","version":0,"location":"/api/v1/customers/7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c"},
                        {"id":"0b6f2d1e-5a7c-4c39-8f0e-3d2a1b4c5e6f","version":0,"location":"/api/v1/customers/0b6f2d1e-5a7c-4c39-8f0e-3d2a1b4c5e6f"}]}""";

    static final String BATCH_VALIDATION_PROBLEM = """
            {"type":"urn:opencdp:problem:validation","title":"Invalid request","status":400,
             "detail":"1 field is invalid","instance":"/api/v1/customers/batch",
             "errors":[{"field":"customers[1].emails[0].address","message":"must be a well-formed email address"}]}""";

    static final String VALIDATION_PROBLEM = """
            {"type":"urn:opencdp:problem:validation","title":"Invalid request","status":400,
             "detail":"2 fields are invalid","instance":"/api/v1/customers",
             "errors":[{"field":"emails[0].address","message":"must be a well-formed email address"},
                       {"field":"phones[0].number","message":"must be a valid phone number; without a +country prefix it is read as a German number"}]}""";

    static final String STALE_PROBLEM = """
            {"type":"urn:opencdp:problem:precondition-failed","title":"Precondition failed","status":412,
             "detail":"The customer was changed since you read it (your version 2, current 3). Read it again and reapply your change.",
             "instance":"/api/v1/customers/7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c"}""";
}
