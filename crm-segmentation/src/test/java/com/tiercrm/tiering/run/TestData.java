package com.tiercrm.tiering.run;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.interaction.LastContacts;
import com.tiercrm.tiering.model.CdnowFiles;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Writes customers, orders and interactions straight into the tables, the way an import
 * would, for run tests.
 */
public final class TestData {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcTemplate jdbc;

	public TestData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Empties the data tables: a run covers every customer in the database.
	 */
	public void clear() {
		this.jdbc.update("update segmentation_state set published_run_id = null, running_run_id = null");
		if (isPostgres()) {
			// Each run's rows are a partition of their own (RunPartitions): drop them
			// all.
			for (String partition : this.jdbc.queryForList(
					"select inhrelid::regclass::text from pg_inherits"
							+ " where inhparent in ('customer_segments'::regclass, 'customer_model_results'::regclass)",
					String.class)) {
				this.jdbc.execute("drop table " + partition);
			}
		}
		for (String table : List.of("customer_segments", "customer_model_results", "segmentation_runs",
				"segmentation_configs", "interactions", "sales_orders", "customer_order_facts", "customers")) {
			this.jdbc.update("delete from " + table);
		}
		// The kept order facts no longer match the orders: runs read the orders.
		this.jdbc.update("update order_facts_state set is_current = false");
	}

	/**
	 * Makes room for rows of a run written straight into {@code customer_segments}: on
	 * PostgreSQL the run's partition.
	 */
	public void partition(long runId) {
		if (isPostgres()) {
			RunPartitions partitions = RunPartitions.CUSTOMER_SEGMENTS;
			this.jdbc.execute("create table " + partitions.partition(runId) + " partition of " + partitions.table()
					+ " for values in (" + runId + ")");
		}
	}

	private boolean isPostgres() {
		return Boolean.TRUE.equals(this.jdbc.execute((ConnectionCallback<Boolean>) DatabaseDialect::isPostgres));
	}

	public void customers(List<String> codes) {
		this.jdbc.batchUpdate(
				"insert into customers (code, name, type, status, created_at, updated_at) values (?, ?, 'INDIVIDUAL', 'ACTIVE', current_timestamp, current_timestamp)",
				codes.stream().map((code) -> new Object[] { code, "Customer " + code }).toList());
	}

	public void order(String orderNo, String customerCode, LocalDate day, double amount, double profit, String status) {
		this.jdbc.update(
				"insert into sales_orders (order_no, customer_id, ordered_at, amount, gross_profit, status)"
						+ " select ?, id, ?, ?, ?, ? from customers where code = ?",
				orderNo, Timestamp.from(day.atTime(LocalTime.NOON).atZone(ZONE).toInstant()), amount, profit, status,
				customerCode);
	}

	/**
	 * A call with a customer, and the customer's last contact recomputed as the
	 * interaction import does.
	 */
	public void interaction(String customerCode, Instant at, @Nullable Integer satisfaction) {
		long customerId = this.jdbc.queryForObject("select id from customers where code = ?", Long.class, customerCode);
		this.jdbc.update(
				"insert into interactions (customer_id, type, occurred_at, satisfaction)" + " values (?, 'CALL', ?, ?)",
				customerId, Timestamp.from(at), satisfaction);
		LastContacts.recompute(new NamedParameterJdbcTemplate(this.jdbc), List.of(customerId));
	}

	/**
	 * Imports CDNOW_sample.txt: 2,357 customers and their 6,919 purchases as completed
	 * orders.
	 */
	public void cdnowSample() {
		List<String> lines = CdnowFiles.lines("CDNOW_sample.txt");
		Set<String> customers = new LinkedHashSet<>();
		List<Object[]> orders = new ArrayList<>();
		int n = 0;
		for (String line : lines) {
			String[] row = line.strip().split("\\s+");
			if (row.length < 5) {
				continue;
			}
			String code = "CD" + row[1];
			customers.add(code);
			LocalDate day = LocalDate.parse(row[2], java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
			double dollars = Double.parseDouble(row[4]);
			orders.add(new Object[] { "CDO" + (++n), code,
					Timestamp.from(day.atTime(LocalTime.NOON).atZone(ZONE).toInstant()), dollars, dollars });
		}
		customers(List.copyOf(customers));
		this.jdbc.batchUpdate(
				"insert into sales_orders (order_no, customer_id, ordered_at, amount, gross_profit, status)"
						+ " select ?, id, ?, ?, ?, 'COMPLETED' from customers where code = ?",
				orders.stream().map((o) -> new Object[] { o[0], o[2], o[3], o[4], o[1] }).toList());
	}

}
