package org.opencdp.audit;

/** Whether the commit of a transaction that records to the trail waits for the flush to disk (AuditTrail). */
enum Durability {
    /** The transaction's commit waits for the flush, as PostgreSQL is configured: every change. */
    SYNCHRONOUS,
    /** A transaction that only read: its commit need not wait (AuditTrail#recordReads), if it wrote nothing else. */
    READ_ONLY
}
