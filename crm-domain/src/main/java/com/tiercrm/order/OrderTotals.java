package com.tiercrm.order;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a customer's completed orders add up to.
 */
public record OrderTotals(long orders, BigDecimal amount, BigDecimal grossProfit, @Nullable Instant firstOrderAt,
		@Nullable Instant lastOrderAt) {

	public OrderTotals(Long orders, @Nullable BigDecimal amount, @Nullable BigDecimal grossProfit,
			@Nullable Instant firstOrderAt, @Nullable Instant lastOrderAt) {
		this(orders.longValue(), (amount != null) ? amount : BigDecimal.ZERO,
				(grossProfit != null) ? grossProfit : BigDecimal.ZERO, firstOrderAt, lastOrderAt);
	}

}
