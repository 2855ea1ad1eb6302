package org.opencdp.profile.api;

/** Example bodies of the ticket webhooks and the inbox for the OpenAPI document. */
final class TicketExamples {

    private TicketExamples() {}

    static final String ID = "3f6c1a2b-8d4e-4f5a-9b7c-1e2d3c4b5a69";

    static final String GENERIC_INPUT = """
            {"ticketId":"4711","number":"T-4711","title":"Invoice question","state":"OPEN",
             "updatedAt":"2026-11-27T09:00:00Z",
             "customer":{"name":"Erika Mustermann","email":"erika.mustermann@example.de","phone":"+49 30 1234567"},
             "message":{"id":"m-1","sender":"CUSTOMER","internal":false,"time":"2026-11-27T09:00:00Z",
              "subject":"Invoice question","text":"Hello, I have a question about my last invoice."}}""";

    /** Zammad's default payload, shortened (Zammad sends many more fields; they are ignored). */
    static final String ZAMMAD_INPUT = """
            {"ticket":{"id":81,"number":"10081","title":"Invoice question","state":"open",
             "created_at":"2026-11-27T09:00:00.000Z","updated_at":"2026-11-27T09:00:00.000Z",
             "customer":{"id":8,"firstname":"Erika","lastname":"Mustermann",
              "email":"erika.mustermann@example.de","phone":"+49 30 1234567","login":"erika.mustermann@example.de"}},
             "article":{"id":104,"ticket_id":81,"from":"Erika Mustermann <erika.mustermann@example.de>",
              "to":"Service Desk","subject":"Invoice question",
              "body":"Hello, I have a question about my last invoice.<div><br></div>","content_type":"text/html",
              "type":"email","sender":"Customer","internal":false,"created_at":"2026-11-27T09:00:00.000Z"}}""";

    static final String RECEIPT = """
            {"ticketId":"3f6c1a2b-8d4e-4f5a-9b7c-1e2d3c4b5a69","inInbox":false,"articleRecorded":true}""";

    static final String INBOX_PAGE = """
            {"items":[{"id":"3f6c1a2b-8d4e-4f5a-9b7c-1e2d3c4b5a69","source":"integration:zammad-support",
             "number":"10081","title":"Invoice question","state":"OPEN",
             "contact":{"name":"Erika Mustermann","email":"erika@example.org","phone":"+49 30 7654321"},
             "receivedAt":"2026-11-27T09:00:01Z","lastReceivedAt":"2026-11-27T09:00:01Z",
             "articles":[{"direction":"INBOUND","occurredAt":"2026-11-27T09:00:00Z",
              "summary":"Invoice question: Hello, I have a question about my last invoice."}]}]}""";

    static final String ASSIGNMENT_INPUT = """
            {"customerId":"0b6f1f7e-3c1a-4d2e-9f4b-6a8c2d1e5f70"}""";

    static final String ASSIGNMENT = """
            {"ticketId":"3f6c1a2b-8d4e-4f5a-9b7c-1e2d3c4b5a69","customerId":"0b6f1f7e-3c1a-4d2e-9f4b-6a8c2d1e5f70",
             "articlesMoved":1}""";
}
