-- profile-service's database as release 2026-11-26 (commit fe7d449) leaves it: its jar migrated an empty database
-- with every owner's migrations in the one history flyway_schema_history (quarkus.flyway.locations=db/migration,
-- db/opencdp), then a few rows were added to every table a library or the service owns. Dumped with
-- pg_dump --no-owner --no-privileges --inserts (PostgreSQL 15). DatabaseUpgradeTest starts today's service on it.
--
-- PostgreSQL database dump
--

\restrict I6IArAgRpRLZ5EYzUeYaRZbvu8ElHOq2cLHRghg5xyVC0jGaJJh0WLEYPEkQX6L

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: audit_entry_append_only(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_entry_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: audit_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_entry (
    id bigint NOT NULL,
    subject_id uuid NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    actor text NOT NULL,
    actor_kind text NOT NULL,
    action text NOT NULL,
    purpose text NOT NULL,
    previous_hash bytea,
    entry_hash bytea NOT NULL,
    CONSTRAINT audit_entry_action_check CHECK (((char_length(action) >= 1) AND (char_length(action) <= 100))),
    CONSTRAINT audit_entry_actor_check CHECK (((char_length(actor) >= 1) AND (char_length(actor) <= 200))),
    CONSTRAINT audit_entry_actor_kind_check CHECK ((actor_kind = ANY (ARRAY['USER'::text, 'SERVICE'::text, 'ANONYMOUS'::text]))),
    CONSTRAINT audit_entry_entry_hash_check CHECK ((octet_length(entry_hash) = 32)),
    CONSTRAINT audit_entry_previous_hash_check CHECK ((octet_length(previous_hash) = 32)),
    CONSTRAINT audit_entry_purpose_check CHECK (((char_length(purpose) >= 1) AND (char_length(purpose) <= 200)))
);


--
-- Name: audit_entry_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.audit_entry ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.audit_entry_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: company_contact; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.company_contact (
    company_id uuid NOT NULL,
    person_id uuid NOT NULL,
    job_title bytea
);


--
-- Name: customer; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customer (
    id uuid NOT NULL,
    kind text NOT NULL,
    version bigint NOT NULL,
    profile bytea NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT customer_kind_check CHECK ((kind = ANY (ARRAY['PERSON'::text, 'COMPANY'::text])))
);


--
-- Name: customer_search_term; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customer_search_term (
    term_kind text NOT NULL,
    hash bytea NOT NULL,
    customer_id uuid NOT NULL
);


--
-- Name: flyway_schema_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: inbox_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.inbox_event (
    event_id uuid NOT NULL,
    received_at timestamp with time zone NOT NULL
);


--
-- Name: outbox_delivery; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outbox_delivery (
    event_id uuid NOT NULL,
    subscriber text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    last_attempt_at timestamp with time zone,
    last_error text,
    delivered_at timestamp with time zone,
    CONSTRAINT outbox_delivery_attempts_check CHECK ((attempts >= 0)),
    CONSTRAINT outbox_delivery_last_error_check CHECK ((char_length(last_error) <= 300)),
    CONSTRAINT outbox_delivery_subscriber_check CHECK ((subscriber ~ '^[a-z][a-z0-9]{0,49}$'::text))
);


--
-- Name: outbox_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outbox_event (
    id uuid NOT NULL,
    type text NOT NULL,
    subject_id uuid,
    occurred_at timestamp with time zone NOT NULL,
    payload jsonb NOT NULL,
    version integer NOT NULL,
    CONSTRAINT outbox_event_type_check CHECK (((char_length(type) <= 100) AND (type ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$'::text))),
    CONSTRAINT outbox_event_version_check CHECK ((version >= 1))
);


--
-- Name: subject_key; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.subject_key (
    subject_id uuid NOT NULL,
    master_key_id text NOT NULL,
    wrapped_key bytea NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: subject_restriction; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.subject_restriction (
    subject_id uuid NOT NULL,
    basis text NOT NULL,
    since timestamp with time zone DEFAULT now() NOT NULL,
    until date,
    request_id uuid NOT NULL,
    CONSTRAINT subject_restriction_basis_check CHECK ((basis = ANY (ARRAY['ART18_REQUEST'::text, 'LEGAL_HOLD'::text])))
);


--
-- Data for Name: audit_entry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.audit_entry OVERRIDING SYSTEM VALUE VALUES (1, '0192a6f0-0000-7000-8000-000000000001', '2026-11-26 10:00:00+00', 'sales', 'USER', 'customer.create', 'POST /api/v1/customers', NULL, '\xabababababababababababababababababababababababababababababababab');


--
-- Data for Name: company_contact; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: customer; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.customer VALUES ('0192a6f0-0000-7000-8000-000000000001', 'PERSON', 1, '\xdeadbeef', '2026-11-26 10:00:00+00', '2026-11-26 10:00:00+00');


--
-- Data for Name: customer_search_term; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.flyway_schema_history VALUES (1, '2026.11.25.101', 'subject keys', 'SQL', 'db/opencdp/personal-data/V2026.11.25.101__subject_keys.sql', 1667858884, 'cdp', '2026-11-26 15:27:50.989162', 26, true);
INSERT INTO public.flyway_schema_history VALUES (2, '2026.11.25.201', 'audit trail', 'SQL', 'db/opencdp/audit/V2026.11.25.201__audit_trail.sql', -1672521825, 'cdp', '2026-11-26 15:27:51.313924', 121, true);
INSERT INTO public.flyway_schema_history VALUES (3, '2026.11.25.301', 'subject restriction', 'SQL', 'db/opencdp/subject-rights/V2026.11.25.301__subject_restriction.sql', -1651519623, 'cdp', '2026-11-26 15:27:51.480048', 73, true);
INSERT INTO public.flyway_schema_history VALUES (4, '2026.11.25.401', 'outbox', 'SQL', 'db/opencdp/outbox/V2026.11.25.401__outbox.sql', 1844240847, 'cdp', '2026-11-26 15:27:51.6461', 139, true);
INSERT INTO public.flyway_schema_history VALUES (5, '2026.11.25.1000', 'customers', 'SQL', 'db/migration/V2026.11.25.1000__customers.sql', -858742799, 'cdp', '2026-11-26 15:27:51.871633', 119, true);
INSERT INTO public.flyway_schema_history VALUES (6, '2026.11.26.401', 'outbox event version', 'SQL', 'db/opencdp/outbox/V2026.11.26.401__outbox_event_version.sql', -794361491, 'cdp', '2026-11-26 15:27:52.086778', 6, true);


--
-- Data for Name: inbox_event; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: outbox_delivery; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: outbox_event; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.outbox_event VALUES ('0192a6f0-0000-7000-8000-0000000000e1', 'profile.changed', '0192a6f0-0000-7000-8000-000000000001', '2026-11-26 10:00:00+00', '{"customerId": "0192a6f0-0000-7000-8000-000000000001"}', 1);


--
-- Data for Name: subject_key; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.subject_key VALUES ('0192a6f0-0000-7000-8000-000000000001', 'k1', '\x00112233', '2026-11-26 15:28:26.577909+00');


--
-- Data for Name: subject_restriction; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.subject_restriction VALUES ('0192a6f0-0000-7000-8000-000000000001', 'ART18_REQUEST', '2026-11-26 15:28:26.595456+00', NULL, '0192a6f0-0000-7000-8000-0000000000a1');


--
-- Name: audit_entry_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.audit_entry_id_seq', 1, true);


--
-- Name: audit_entry audit_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_entry
    ADD CONSTRAINT audit_entry_pkey PRIMARY KEY (id);


--
-- Name: company_contact company_contact_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.company_contact
    ADD CONSTRAINT company_contact_pkey PRIMARY KEY (company_id, person_id);


--
-- Name: customer customer_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer
    ADD CONSTRAINT customer_pkey PRIMARY KEY (id);


--
-- Name: customer_search_term customer_search_term_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_search_term
    ADD CONSTRAINT customer_search_term_pkey PRIMARY KEY (term_kind, hash, customer_id);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: inbox_event inbox_event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inbox_event
    ADD CONSTRAINT inbox_event_pkey PRIMARY KEY (event_id);


--
-- Name: outbox_delivery outbox_delivery_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox_delivery
    ADD CONSTRAINT outbox_delivery_pkey PRIMARY KEY (event_id, subscriber);


--
-- Name: outbox_event outbox_event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox_event
    ADD CONSTRAINT outbox_event_pkey PRIMARY KEY (id);


--
-- Name: subject_key subject_key_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.subject_key
    ADD CONSTRAINT subject_key_pkey PRIMARY KEY (subject_id);


--
-- Name: subject_restriction subject_restriction_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.subject_restriction
    ADD CONSTRAINT subject_restriction_pkey PRIMARY KEY (subject_id, basis);


--
-- Name: audit_entry_subject_chain; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_entry_subject_chain ON public.audit_entry USING btree (subject_id, id) INCLUDE (entry_hash);


--
-- Name: company_contact_person; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX company_contact_person ON public.company_contact USING btree (person_id);


--
-- Name: customer_search_term_customer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customer_search_term_customer ON public.customer_search_term USING btree (customer_id);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: inbox_event_received; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX inbox_event_received ON public.inbox_event USING btree (received_at);


--
-- Name: outbox_delivery_pending; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX outbox_delivery_pending ON public.outbox_delivery USING btree (subscriber, event_id) WHERE (delivered_at IS NULL);


--
-- Name: outbox_event_subject; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX outbox_event_subject ON public.outbox_event USING btree (subject_id) WHERE (subject_id IS NOT NULL);


--
-- Name: subject_key_master_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX subject_key_master_key ON public.subject_key USING btree (master_key_id);


--
-- Name: audit_entry audit_entry_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_entry_append_only BEFORE DELETE OR UPDATE ON public.audit_entry FOR EACH ROW EXECUTE FUNCTION public.audit_entry_append_only();


--
-- Name: audit_entry audit_entry_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON public.audit_entry FOR EACH STATEMENT EXECUTE FUNCTION public.audit_entry_append_only();


--
-- Name: company_contact company_contact_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.company_contact
    ADD CONSTRAINT company_contact_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.customer(id) ON DELETE CASCADE;


--
-- Name: company_contact company_contact_person_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.company_contact
    ADD CONSTRAINT company_contact_person_id_fkey FOREIGN KEY (person_id) REFERENCES public.customer(id) ON DELETE CASCADE;


--
-- Name: customer_search_term customer_search_term_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_search_term
    ADD CONSTRAINT customer_search_term_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customer(id) ON DELETE CASCADE;


--
-- Name: outbox_delivery outbox_delivery_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox_delivery
    ADD CONSTRAINT outbox_delivery_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.outbox_event(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict I6IArAgRpRLZ5EYzUeYaRZbvu8ElHOq2cLHRghg5xyVC0jGaJJh0WLEYPEkQX6L

