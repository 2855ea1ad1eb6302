package org.opencdp.retention.domain;

import java.time.LocalDate;
import java.util.UUID;

/** What the dpo enters when a request arrives. */
public record NewRequest(RequestType type, UUID subjectId, Channel channel, LocalDate receivedOn) {}
