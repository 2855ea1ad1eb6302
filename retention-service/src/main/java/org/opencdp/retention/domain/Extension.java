package org.opencdp.retention.domain;

import java.time.LocalDate;

/** An extension of the due date (Art. 12(3)): why, and when the person was told. */
public record Extension(String reason, LocalDate noticeSentOn) {}
