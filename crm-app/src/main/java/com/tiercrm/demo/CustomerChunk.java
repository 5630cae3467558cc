package com.tiercrm.demo;

import java.util.List;

/**
 * Consecutive generated customers with the first ids their rows take. Ids run on without
 * gaps: customer {@code i} of the chunk gets {@code firstCustomerId + i}, and its orders
 * and interactions follow those of customer {@code i - 1}.
 *
 * @param firstCustomerId the id of the first customer
 * @param firstOrderId the id of the first order
 * @param firstInteractionId the id of the first interaction
 * @param customers the customers
 */
record CustomerChunk(long firstCustomerId, long firstOrderId, long firstInteractionId,
		List<SyntheticCustomer> customers) {

	long orderCount() {
		long count = 0;
		for (SyntheticCustomer customer : this.customers) {
			count += customer.orders().size();
		}
		return count;
	}

	long interactionCount() {
		long count = 0;
		for (SyntheticCustomer customer : this.customers) {
			count += customer.interactions().size();
		}
		return count;
	}

	static String customerCode(long id) {
		return code("C", id, 7);
	}

	static String orderNumber(long id) {
		return code("SO", id, 8);
	}

	private static String code(String prefix, long id, int width) {
		String digits = Long.toString(id);
		return (digits.length() >= width) ? prefix + digits : prefix + "0".repeat(width - digits.length()) + digits;
	}

}
