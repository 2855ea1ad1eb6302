-- Test only. Stands for a migration the audit library releases after a database has applied the service's
-- V2026.11.25.1000 and the outbox's V2026.11.26.401, both of higher version: the single history of earlier releases
-- refused it as out of order; DatabaseUpgradeTest proves it runs now. Harmless in every other test's database.
CREATE TABLE audit_upgrade_probe (id integer PRIMARY KEY);
