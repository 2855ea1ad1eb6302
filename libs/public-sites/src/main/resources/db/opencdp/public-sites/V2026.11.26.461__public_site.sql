-- libs/public-sites: the websites that may call the service's public endpoints without a token (cookie banners,
-- the JS tracker). Nothing about visitors is kept here; no IP address anywhere.
CREATE TABLE public_site (
    id                  uuid PRIMARY KEY,
    -- The public key the site's pages embed; the same key may be registered at several services for one website.
    site_key            text NOT NULL UNIQUE CHECK (site_key ~ '^site_[a-z0-9_-]{1,60}$'),
    name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- Exact origins (scheme://host[:port]) the site's pages are served from.
    allowed_origins     text[] NOT NULL CHECK (cardinality(allowed_origins) BETWEEN 1 AND 20),
    -- Requests per minute this replica takes from the site, regained evenly.
    requests_per_minute integer NOT NULL CHECK (requests_per_minute BETWEEN 1 AND 1000000),
    enabled             boolean NOT NULL,
    created_at          timestamptz NOT NULL
);
