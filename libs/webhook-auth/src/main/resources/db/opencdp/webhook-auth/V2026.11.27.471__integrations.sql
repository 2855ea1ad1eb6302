-- libs/webhook-auth: systems without OIDC (telephony, ticket systems) that call the service, their credentials, and
-- what the door remembers to refuse replays. Nothing about customers is kept here.
CREATE TABLE integration (
    id          uuid PRIMARY KEY,
    -- Named in the webhook URL (path parameter {integration}) or as the Basic user name (3CX).
    name        text NOT NULL UNIQUE CHECK (name ~ '^[a-z][a-z0-9-]{1,62}$'),
    kind        text NOT NULL CHECK (kind IN ('GENERIC_HMAC', 'ZAMMAD', 'SIPGATE', 'THREECX')),
    created_at  timestamptz NOT NULL,
    -- Revoked: every secret is gone (and the integration's data key destroyed); the name stays taken.
    revoked_at  timestamptz
);

-- An integration's credentials; during a rotation's overlap it has two, the older one with valid_until set.
CREATE TABLE integration_secret (
    id               uuid PRIMARY KEY,
    integration_id   uuid NOT NULL REFERENCES integration (id),
    created_at       timestamptz NOT NULL,
    -- NULL: valid until the next rotation or the revocation.
    valid_until      timestamptz,
    -- Shared HMAC secrets (generic, Zammad): AES-GCM under the integration's data key in the key database.
    encrypted_secret bytea,
    -- 3CX API keys: only verified, never needed again, so only their SHA-256 (the key is 256 random bits).
    secret_hash      bytea CHECK (octet_length(secret_hash) = 32),
    -- sipgate: the public key sipgate signs with (public, so in clear).
    public_key_pem   text CHECK (length(public_key_pem) BETWEEN 1 AND 10000),
    CONSTRAINT integration_secret_one_form CHECK (num_nonnulls(encrypted_secret, secret_hash, public_key_pem) = 1)
);
CREATE INDEX integration_secret_of ON integration_secret (integration_id);

-- Signatures (generic HMAC) accepted within the replay window: the same signature again is a replay.
CREATE TABLE webhook_signature (
    integration_id uuid NOT NULL REFERENCES integration (id),
    signature      bytea NOT NULL CHECK (octet_length(signature) = 32),
    forget_after   timestamptz NOT NULL,
    PRIMARY KEY (integration_id, signature)
);
CREATE INDEX webhook_signature_forget ON webhook_signature (forget_after);

-- Deliveries (Zammad's X-Zammad-Delivery) answered successfully, with their answer: a repeated delivery gets it
-- again and nothing new happens.
CREATE TABLE webhook_delivery (
    integration_id uuid NOT NULL REFERENCES integration (id),
    delivery_id    text NOT NULL CHECK (length(delivery_id) BETWEEN 1 AND 200),
    status         integer NOT NULL CHECK (status BETWEEN 200 AND 299),
    content_type   text,
    body           bytea CHECK (octet_length(body) <= 16384),
    received_at    timestamptz NOT NULL,
    PRIMARY KEY (integration_id, delivery_id)
);
CREATE INDEX webhook_delivery_received ON webhook_delivery (received_at);
