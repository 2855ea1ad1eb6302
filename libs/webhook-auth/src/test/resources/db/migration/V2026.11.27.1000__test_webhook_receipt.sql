-- The test application's webhook endpoints store each request they handle here, so that a test can show a refused
-- request stored nothing.
CREATE TABLE test_webhook_receipt (
    id          uuid PRIMARY KEY,
    integration text NOT NULL,
    payload     text NOT NULL
);
