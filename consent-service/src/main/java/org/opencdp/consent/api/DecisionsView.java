package org.opencdp.consent.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Decisions", description = "One decision per pair, in the order of the pairs")
public record DecisionsView(List<DecisionView> decisions) {}
