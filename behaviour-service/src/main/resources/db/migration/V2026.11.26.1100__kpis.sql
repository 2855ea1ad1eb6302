-- Per-customer KPIs, recomputed set-based for all customers (KpiRepository.recompute) and read one row at a time.
-- Only orders in use count: not cancelled, not kept only for a retention duty, customer not restricted.
CREATE TABLE customer_kpi (
    subject_id              uuid           PRIMARY KEY,
    currency                char(3)        NOT NULL,
    total_revenue           numeric(19, 4) NOT NULL,
    order_count             int            NOT NULL,
    average_order_value     numeric(19, 4) NOT NULL,
    first_purchase          timestamptz    NOT NULL,
    last_purchase           timestamptz    NOT NULL,
    purchase_days           int            NOT NULL,
    mean_days_between       numeric(10, 2),
    median_days_between     numeric(10, 2),
    next_expected_purchase  date,
    recency_score           smallint       NOT NULL,
    frequency_score         smallint       NOT NULL,
    monetary_score          smallint       NOT NULL,
    rfm_segment             text           NOT NULL,
    historical_clv          numeric(19, 4) NOT NULL,
    predicted_clv           numeric(19, 4),
    probability_alive       double precision,
    computed_at             timestamptz    NOT NULL
);
CREATE INDEX customer_kpi_segment ON customer_kpi (rfm_segment);

CREATE TABLE customer_revenue_month (
    subject_id  uuid           NOT NULL,
    month       date           NOT NULL,
    revenue     numeric(19, 4) NOT NULL,
    orders      int            NOT NULL,
    PRIMARY KEY (subject_id, month)
);

-- Every fit of the CLV model; the newest is the one in use.
CREATE TABLE clv_model_fit (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fitted_at               timestamptz      NOT NULL,
    observed_until          date             NOT NULL,
    r                       double precision NOT NULL,
    alpha                   double precision NOT NULL,
    a                       double precision NOT NULL,
    b                       double precision NOT NULL,
    purchases_log_likelihood double precision NOT NULL,
    purchases_customers     int              NOT NULL,
    purchases_converged     boolean          NOT NULL,
    p                       double precision NOT NULL,
    q                       double precision NOT NULL,
    gamma                   double precision NOT NULL,
    spend_log_likelihood    double precision NOT NULL,
    spend_customers         int              NOT NULL,
    spend_converged         boolean          NOT NULL
);
