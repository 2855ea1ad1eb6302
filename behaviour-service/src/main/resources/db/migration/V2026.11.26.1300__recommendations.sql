-- Products bought together, aggregated over all orders in use: how many orders held both. No subject ids: a
-- personal list is derived from it at read time, after consent-service allowed personalisation.
CREATE TABLE product_affinity (
    sku        text NOT NULL,
    other_sku  text NOT NULL,
    orders     int  NOT NULL,
    PRIMARY KEY (sku, other_sku)
);

-- The non-personal list: the products most customers bought recently.
CREATE TABLE bestseller (
    rank       int  PRIMARY KEY,
    sku        text NOT NULL,
    category   text NOT NULL,
    customers  int  NOT NULL
);
