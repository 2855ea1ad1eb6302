-- Daily aggregates of the raw web events, per site and UTC day, computed by DailyAggregates (a scheduled job and on
-- demand for today), so that reports never scan raw events. No visitor, session or subject ids: counts only.
-- How each figure is computed: tracking-service/README.md, "Analytics".

CREATE TABLE site_day (
    day              date NOT NULL,
    site_key         text NOT NULL,
    visitors         bigint NOT NULL,
    sessions         bigint NOT NULL,
    bounced_sessions bigint NOT NULL,
    page_views       bigint NOT NULL,
    PRIMARY KEY (site_key, day)
);

CREATE TABLE page_day (
    day             date NOT NULL,
    site_key        text NOT NULL,
    url             text NOT NULL,
    page_views      bigint NOT NULL,
    -- page visits (a page in a session) with at least one page_leave: those with a dwell time and scroll depth
    measured_visits bigint NOT NULL,
    dwell_ms_total  bigint NOT NULL,
    -- visits per dwell-time bucket: <10 s, 10-30 s, 30-60 s, 1-3 min, 3-10 min, >=10 min
    dwell_buckets   bigint[] NOT NULL,
    -- visits per deepest scroll depth: 0-24, 25-49, 50-74, 75-100 %
    scroll_buckets  bigint[] NOT NULL,
    PRIMARY KEY (site_key, day, url)
);

CREATE TABLE click_day (
    day      date NOT NULL,
    site_key text NOT NULL,
    url      text NOT NULL,
    element  text NOT NULL,
    clicks   bigint NOT NULL,
    PRIMARY KEY (site_key, day, url, element)
);
