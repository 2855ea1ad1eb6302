package org.opencdp.profile.domain;

import java.util.List;
import java.util.UUID;

/**
 * One page of search hits: the customers the reader may see, the last match of the page to continue after (null on
 * the last page; customers left out still count for paging), and whether marketing's consent check could not be
 * made (then everyone was left out).
 */
public record CustomerSearchPage(List<StoredCustomer> customers, UUID next, boolean marketingConsentUnavailable) {}
