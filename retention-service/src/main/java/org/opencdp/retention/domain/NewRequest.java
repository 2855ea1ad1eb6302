package org.opencdp.retention.domain;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the dpo enters when a request arrives; {@code rectification} is the JSON merge patch of a RECTIFICATION
 * request (null for the other types).
 */
public record NewRequest(
        RequestType type, UUID subjectId, Channel channel, LocalDate receivedOn, JsonNode rectification) {}
