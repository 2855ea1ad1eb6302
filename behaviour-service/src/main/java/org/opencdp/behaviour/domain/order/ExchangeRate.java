package org.opencdp.behaviour.domain.order;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Units of the reporting currency for one unit of {@code currency}, from {@code validFrom} to the next rate. */
public record ExchangeRate(String currency, LocalDate validFrom, BigDecimal rate) {}
