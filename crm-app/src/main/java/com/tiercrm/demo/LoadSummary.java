package com.tiercrm.demo;

import java.util.Locale;

/**
 * What one load wrote and how long it took.
 *
 * @param customers the customers written
 * @param orders the orders written
 * @param interactions the interactions written
 * @param users the users created for the load
 * @param seconds the wall time of the load
 * @param peakHeapBytes the highest heap use seen during the load
 */
public record LoadSummary(long customers, long orders, long interactions, long users, double seconds,
		long peakHeapBytes) {

	LoadSummary withUsers(long users) {
		return new LoadSummary(this.customers, this.orders, this.interactions, users, this.seconds, this.peakHeapBytes);
	}

	LoadSummary withSeconds(double seconds) {
		return new LoadSummary(this.customers, this.orders, this.interactions, this.users, seconds, this.peakHeapBytes);
	}

	/**
	 * Rows written per second over all three tables.
	 */
	public long rowsPerSecond() {
		return (this.seconds > 0) ? Math.round((this.customers + this.orders + this.interactions) / this.seconds) : 0;
	}

	/**
	 * One line of JSON, for scripts that run the generator.
	 */
	public String toJson() {
		return String.format(Locale.ROOT,
				"{\"customers\":%d,\"orders\":%d,\"interactions\":%d,\"users\":%d,\"seconds\":%.1f,\"rowsPerSecond\":%d,"
						+ "\"peakHeapMiB\":%d}",
				this.customers, this.orders, this.interactions, this.users, this.seconds, rowsPerSecond(),
				this.peakHeapBytes / (1024 * 1024));
	}

}
