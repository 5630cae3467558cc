package com.tiercrm.demo;

import com.tiercrm.order.OrderStatus;

/**
 * One generated order. Times are epoch seconds and money is in cents, so that ten million
 * of them are cheap to make and to write.
 *
 * @param orderedAt when the order was placed, in epoch seconds
 * @param amountCents the amount in cents
 * @param grossProfitCents the gross profit in cents
 * @param channel the sales channel code
 * @param status the order status
 */
public record SyntheticOrder(long orderedAt, long amountCents, long grossProfitCents, String channel,
		OrderStatus status) {

}
