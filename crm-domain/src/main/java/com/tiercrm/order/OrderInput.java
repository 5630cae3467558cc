package com.tiercrm.order;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An order as a person or a client writes it, before {@link OrderManagement} checks it by
 * the import's rules ({@link OrderRules}).
 *
 * @param customer the customer's code
 * @param orderNo the order number; blank for a generated one (only when recording)
 * @param orderedAt when the order was placed
 * @param amount the amount as written: a currency sign and thousands separators are
 * allowed, negative for a return
 * @param grossProfit the gross profit as written; blank for zero
 * @param channel the sales channel, blank for none
 * @param status the status by name, in English or Chinese; blank for completed
 * @param asReturn whether the amount is that of a return: a positive amount is stored
 * negative
 */
public record OrderInput(@Nullable String customer, @Nullable String orderNo, @Nullable Instant orderedAt,
		@Nullable String amount, @Nullable String grossProfit, @Nullable String channel, @Nullable String status,
		boolean asReturn) {

}
