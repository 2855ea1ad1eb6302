package org.opencdp.tracking.domain;

/** Clicks on one marked element of one page over a period. */
public record ClickCount(String url, String element, long clicks) {}
