-- The websites move to libs/public-sites (table public_site, created by the library's migration, which runs before
-- the service's): every registered site keeps its key, name and origins, gets the default limit of the tracker
-- (opencdp.public-sites.default-requests-per-minute in application.properties) and stays enabled. Events keep
-- naming their site by key, so nothing else changes.
INSERT INTO public_site (id, site_key, name, allowed_origins, requests_per_minute, enabled, created_at)
SELECT gen_random_uuid(), site_key, name, allowed_origins, 30000, true, created_at
FROM site
ON CONFLICT (site_key) DO NOTHING;

DROP TABLE site;
