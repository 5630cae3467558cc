package com.tiercrm.order;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a customer's completed orders add up to. An order with a negative amount is a
 * return or credit note: it is in the amount and gross profit (net of returns) and
 * counted among the returns, but it is not an order and moves neither the first nor the
 * last order time.
 *
 * @param orders completed orders that are purchases
 * @param amount their amount net of returns
 * @param grossProfit their gross profit net of returns
 * @param firstOrderAt the first purchase
 * @param lastOrderAt the last purchase
 * @param returns completed orders with a negative amount
 * @param returnAmount what they add up to, zero or negative
 */
public record OrderTotals(long orders, BigDecimal amount, BigDecimal grossProfit, @Nullable Instant firstOrderAt,
		@Nullable Instant lastOrderAt, long returns, BigDecimal returnAmount) {

	public OrderTotals {
		amount = (amount != null) ? amount : BigDecimal.ZERO;
		grossProfit = (grossProfit != null) ? grossProfit : BigDecimal.ZERO;
		returnAmount = (returnAmount != null) ? returnAmount : BigDecimal.ZERO;
	}

	public OrderTotals(Long orders, @Nullable BigDecimal amount, @Nullable BigDecimal grossProfit,
			@Nullable Instant firstOrderAt, @Nullable Instant lastOrderAt, Long returns,
			@Nullable BigDecimal returnAmount) {
		this(orders.longValue(), zeroIfNull(amount), zeroIfNull(grossProfit), firstOrderAt, lastOrderAt,
				returns.longValue(), zeroIfNull(returnAmount));
	}

	/** Totals without returns. */
	public OrderTotals(Long orders, @Nullable BigDecimal amount, @Nullable BigDecimal grossProfit,
			@Nullable Instant firstOrderAt, @Nullable Instant lastOrderAt) {
		this(orders.longValue(), zeroIfNull(amount), zeroIfNull(grossProfit), firstOrderAt, lastOrderAt, 0L,
				BigDecimal.ZERO);
	}

	private static BigDecimal zeroIfNull(@Nullable BigDecimal value) {
		return (value != null) ? value : BigDecimal.ZERO;
	}

}
