package com.tiercrm.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import com.tiercrm.imports.ImportKind;
import com.tiercrm.imports.ImportManagement;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Times a committed import of new orders (parse, validate, upsert) into the configured
 * PostgreSQL and, in the same process, PostgreSQL's own raw {@code COPY} of the same rows
 * (customer ids already resolved) into the same indexed table, rolled back and vacuumed
 * away before the import; prints one JSON line. Expects the generator's data (customer
 * codes {@code C0000001}…) and changes the database: run it against a copy.
 */
@Component
@ConditionalOnBooleanProperty("tiercrm.benchmark.imports")
@ConditionalOnProperty(name = "tiercrm.benchmark.import-kind", havingValue = "orders", matchIfMissing = true)
class ImportBenchmark implements ApplicationRunner {

	private static final String[] CHANNELS = { "线上商城", "门店", "电话销售", "经销商", "企业微信" };

	private final ImportManagement imports;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final int rows;

	ImportBenchmark(ImportManagement imports, DataSource dataSource,
			@Value("${tiercrm.benchmark.import-rows:1000000}") int rows) {
		this.imports = imports;
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.rows = rows;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		long customers = count("SELECT max(id) FROM customers");
		long matching = count("SELECT count(*) FROM customers WHERE code = 'C' || lpad(id::text, 7, '0')");
		if (customers == 0 || matching != customers) {
			throw new IllegalStateException("Expected the generator's customers (codes C0000001…)");
		}
		long orders = count("SELECT count(*) FROM sales_orders");
		long firstNumber = 10_000_001L;
		if (count("SELECT count(*) FROM sales_orders WHERE order_no >= 'SO10000001' AND order_no < 'SP'") > 0) {
			throw new IllegalStateException("The database already holds benchmark orders; use a fresh copy");
		}
		Path directory = Files.createTempDirectory("tiercrm-import-benchmark");
		Path csv = directory.resolve("orders.csv");
		Path copyText = directory.resolve("orders.copy");
		write(csv, copyText, customers, firstNumber);
		double rawCopySeconds = rawCopy(copyText);
		TimedImport timed = TimedImport.run(this.imports, ImportKind.ORDERS, csv, this.rows, copyText, directory);
		double seconds = timed.seconds();
		System.out.println(String.format(Locale.ROOT,
				"{\"rows\":%d, \"customers\":%d, \"ordersBefore\":%d, \"seconds\":%.2f, \"rowsPerSecond\":%.0f,"
						+ " \"rawCopySeconds\":%.2f, \"ratio\":%.2f, \"peakHeapMiB\":%d, \"maxHeapMiB\":%d}",
				this.rows, customers, orders, seconds, this.rows / seconds, rawCopySeconds, seconds / rawCopySeconds,
				timed.peakHeapMiB(), TimedImport.maxHeapMiB()));
	}

	/**
	 * Writes the order file an admin would upload (Chinese headers, local times, amounts
	 * with thousands separators) and the same rows in COPY text format with customer ids.
	 */
	private void write(Path csv, Path copyText, long customers, long firstNumber) throws IOException {
		SplittableRandom random = new SplittableRandom(42);
		try (Writer file = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
				Writer copy = Files.newBufferedWriter(copyText, StandardCharsets.UTF_8)) {
			file.write("订单编号,客户编号,下单时间,金额,毛利,渠道,状态\n");
			for (int i = 0; i < this.rows; i++) {
				String number = "SO" + (firstNumber + i);
				long customer = 1 + random.nextLong(customers);
				String code = String.format(Locale.ROOT, "C%07d", customer);
				String time = String.format(Locale.ROOT, "2025-%02d-%02d %02d:%02d:%02d", 1 + random.nextInt(12),
						1 + random.nextInt(28), 8 + random.nextInt(12), random.nextInt(60), random.nextInt(60));
				long cents = 5_000 + random.nextLong(2_000_000);
				String amount = String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
				String profit = String.format(Locale.ROOT, "%d.%02d", cents / 500, (cents / 5) % 100);
				String channel = CHANNELS[random.nextInt(CHANNELS.length)];
				int roll = random.nextInt(100);
				String status = (roll < 90) ? "COMPLETED" : (roll < 97) ? "CANCELLED" : "REFUNDED";
				String statusText = (roll < 90) ? "已完成" : (roll < 97) ? "已取消" : "已退款";
				String shownAmount = (cents >= 100_000) ? "\"" + String.format(Locale.ROOT, "%,d", cents / 100) + "."
						+ String.format(Locale.ROOT, "%02d", cents % 100) + "\"" : amount;
				file.write(number + "," + code + "," + time + "," + shownAmount + "," + profit + "," + channel + ","
						+ statusText + "\n");
				copy.write(number + "\t" + customer + "\t" + time + "+08\t" + amount + "\t" + profit + "\t" + channel
						+ "\t" + status + "\n");
			}
		}
	}

	/**
	 * COPY of the same rows straight into the indexed orders table, then rolled back; the
	 * table is vacuumed afterwards so that the import does not meet the dead rows.
	 */
	private double rawCopy(Path copyText) throws SQLException, IOException {
		double seconds;
		try (Connection connection = this.dataSource.getConnection();
				Reader in = Files.newBufferedReader(copyText, StandardCharsets.UTF_8)) {
			connection.setAutoCommit(false);
			long start = System.nanoTime();
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY sales_orders (order_no, customer_id, ordered_at, amount, gross_profit, channel, status)"
						+ " FROM STDIN", in);
			seconds = (System.nanoTime() - start) / 1e9;
			connection.rollback();
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				statement.execute("VACUUM sales_orders");
				statement.execute("CHECKPOINT");
			}
		}
		return seconds;
	}

	private long count(String sql) {
		Long count = this.jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

}
