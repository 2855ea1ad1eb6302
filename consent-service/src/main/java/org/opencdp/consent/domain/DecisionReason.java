package org.opencdp.consent.domain;

/** Why a decision came out as it did. */
public enum DecisionReason {
    /** A consent is in force. */
    GRANTED,
    /** No consent was ever recorded for the pair. */
    NOT_GRANTED,
    /** The consent was withdrawn. */
    REVOKED,
    /** A double opt-in consent waits for its confirmation. */
    PENDING_CONFIRMATION,
    /** The subject objected (Art. 21); the purpose is legitimate interest or direct marketing. */
    OBJECTED,
    /** The purpose rests on contract, legal obligation or (without objection) legitimate interest. */
    LEGAL_BASIS,
    /** The holder's data was erased: nothing is allowed for it any more. */
    ERASED
}
