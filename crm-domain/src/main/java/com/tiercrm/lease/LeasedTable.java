package com.tiercrm.lease;

/**
 * A table of work held by leases: it has the columns {@code id}, {@code status} (with
 * {@code RUNNING} while the work goes on), {@code lease_owner} and
 * {@code lease_expires_at}.
 *
 * @param name the table's name
 */
public record LeasedTable(String name) {

	public static final LeasedTable SEGMENTATION_RUNS = new LeasedTable("segmentation_runs");

	public static final LeasedTable IMPORT_JOBS = new LeasedTable("import_jobs");

}
