package com.tiercrm.tiering.insight;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * Customers and money of one tier or RFM segment in one run.
 *
 * @param code the tier or segment code
 * @param customers customers in it
 * @param revenue their completed-order revenue to the as-of date
 * @param profit their gross profit to the as-of date
 * @param clvPredictedSum the sum of their predicted lifetime values
 * @param buyers customers with at least one completed order
 * @param repeatBuyers customers with at least two completed orders
 * @param satisfactionSum the sum of their interactions' satisfaction scores
 * @param satisfactionCount how many scored interactions they had
 */
@NamedInterface("insight")
public record GroupStats(String code, long customers, double revenue, double profit, double clvPredictedSum,
		long buyers, long repeatBuyers, double satisfactionSum, long satisfactionCount) {

	public double averageClv() {
		return (this.customers > 0) ? this.clvPredictedSum / this.customers : 0;
	}

	public @Nullable Double averageSatisfaction() {
		return (this.satisfactionCount > 0) ? this.satisfactionSum / this.satisfactionCount : null;
	}

	/**
	 * Buyers with two or more orders among the buyers.
	 */
	public @Nullable Double repeatRate() {
		return (this.buyers > 0) ? (double) this.repeatBuyers / this.buyers : null;
	}

}
