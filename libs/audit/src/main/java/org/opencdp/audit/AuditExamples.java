package org.opencdp.audit;

/** Examples for the OpenAPI document, the frontend teams' manual. */
final class AuditExamples {

    static final String SUBJECT_ID = "3f2b8c1e-4d5a-4e6f-8a7b-9c0d1e2f3a4b";

    static final String INTACT_PAGE = """
            {"subjectId":"3f2b8c1e-4d5a-4e6f-8a7b-9c0d1e2f3a4b","chainIntact":true,"firstBrokenEntryId":null,"unkeyedEntries":0,
             "earlierEntriesDeletedBefore":null,
             "entries":[
              {"id":4711,"occurredAt":"2026-11-25T09:14:03.123456Z","actor":"jane.doe","actorKind":"USER",
               "action":"customer.update","purpose":"PUT /api/v1/customers/{id}","keyed":true},
              {"id":4719,"occurredAt":"2026-11-25T09:20:41.004211Z","actor":"retention-service","actorKind":"SERVICE",
               "action":"subject.export","purpose":"GDPR Art. 15/20 access request","keyed":true}],
             "next":"4719"}""";

    static final String BROKEN_PAGE = """
            {"subjectId":"3f2b8c1e-4d5a-4e6f-8a7b-9c0d1e2f3a4b","chainIntact":false,"firstBrokenEntryId":4719,"unkeyedEntries":0,
             "earlierEntriesDeletedBefore":null,
             "entries":[
              {"id":4711,"occurredAt":"2026-11-25T09:14:03.123456Z","actor":"jane.doe","actorKind":"USER",
               "action":"customer.update","purpose":"PUT /api/v1/customers/{id}","keyed":true},
              {"id":4719,"occurredAt":"2026-11-25T09:20:41.004211Z","actor":"retention-service","actorKind":"SERVICE",
               "action":"customer.read","purpose":"GDPR Art. 15/20 access request","keyed":true}],
             "next":null}""";

    static final String LIMIT_PROBLEM = """
            {"type":"urn:opencdp:problem:validation","title":"Invalid request","status":400,
             "detail":"1 field is invalid","instance":"/api/v1/audit/subjects/3f2b8c1e-4d5a-4e6f-8a7b-9c0d1e2f3a4b",
             "errors":[{"field":"limit","message":"must be a whole number from 1 to 200"}]}""";

    private AuditExamples() {}
}
