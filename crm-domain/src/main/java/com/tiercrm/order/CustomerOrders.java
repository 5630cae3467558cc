package com.tiercrm.order;

import java.util.List;

/**
 * A page of one customer's orders, newest first.
 *
 * @param customerCode the customer's code
 * @param customerName the customer's name
 * @param orders the orders of the page
 * @param page the page, from 1
 * @param size orders per page
 * @param total the customer's orders in all
 */
public record CustomerOrders(String customerCode, String customerName, List<SalesOrder> orders, int page, int size,
		long total) {

	public int pages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

}
