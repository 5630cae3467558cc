package com.tiercrm.benchmark;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import com.tiercrm.imports.ImportKind;
import com.tiercrm.imports.ImportManagement;
import com.tiercrm.imports.ImportProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Times a committed import of new interactions (parse, validate, match, insert, last
 * contacts recomputed) into the configured PostgreSQL and, in the same process,
 * PostgreSQL's own raw {@code COPY} of the same rows (customer ids resolved) into a copy
 * of the {@code interactions} table with its rows, indexes and foreign keys, dropped
 * again before the import; prints one JSON line. Expects the generator's customers (codes
 * {@code C0000001}…) and changes the database: run it against a copy.
 */
@Component
@ConditionalOnBooleanProperty("tiercrm.benchmark.imports")
@ConditionalOnProperty(name = "tiercrm.benchmark.import-kind", havingValue = "interactions")
class InteractionImportBenchmark implements ApplicationRunner {

	private static final String[][] TYPES = { { "拜访", "VISIT" }, { "电话", "CALL" }, { "邮件", "EMAIL" },
			{ "会议", "MEETING" }, { "微信", "WECHAT" }, { "投诉", "COMPLAINT" }, { "满意度调查", "SATISFACTION_SURVEY" } };

	private static final String[] NOTES = { "", "", "带了样品", "询价", "报价已发", "约下次拜访", "投诉发货慢" };

	/**
	 * Benchmark interactions happen in a year no generated one does: in the past, since
	 * the import refuses dates after tomorrow, and after the import's earliest date
	 * (1970).
	 */
	private static final int YEAR = 2001;

	private final ImportManagement imports;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final ZoneId zone;

	private final int rows;

	InteractionImportBenchmark(ImportManagement imports, DataSource dataSource, ImportProperties properties,
			@Value("${tiercrm.benchmark.import-rows:1000000}") int rows) {
		this.imports = imports;
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.zone = properties.timeZone();
		this.rows = rows;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		long customers = count("SELECT max(id) FROM customers");
		long matching = count("SELECT count(*) FROM customers WHERE code = 'C' || lpad(id::text, 7, '0')");
		if (customers == 0 || matching != customers) {
			throw new IllegalStateException("Expected the generator's customers (codes C0000001…)");
		}
		if (count("SELECT count(*) FROM interactions WHERE occurred_at >= TIMESTAMP WITH TIME ZONE '" + YEAR
				+ "-01-01 00:00:00+08' AND occurred_at < TIMESTAMP WITH TIME ZONE '" + (YEAR + 1)
				+ "-01-01 00:00:00+08'") > 0) {
			throw new IllegalStateException("The database already holds benchmark interactions; use a fresh copy");
		}
		long interactions = count("SELECT count(*) FROM interactions");
		Path directory = Files.createTempDirectory("tiercrm-import-benchmark");
		Path csv = directory.resolve("interactions.csv");
		Path copyText = directory.resolve("interactions.copy");
		write(csv, copyText, customers);
		double rawCopySeconds = TableCopyFloor.seconds(this.dataSource, "interactions",
				"customer_id, type, occurred_at, satisfaction, notes",
				List.of("(customer_id) REFERENCES customers (id)", "(rep_id) REFERENCES users (id)"), copyText);
		TimedImport timed = TimedImport.run(this.imports, ImportKind.INTERACTIONS, csv, this.rows, copyText, directory);
		double seconds = timed.seconds();
		long fileMiB = timed.fileMiB();
		System.out.println(String.format(Locale.ROOT,
				"{\"kind\":\"interactions\", \"rows\":%d, \"customers\":%d, \"interactionsBefore\":%d,"
						+ " \"fileMiB\":%d, \"seconds\":%.2f, \"rowsPerSecond\":%.0f, \"rawCopySeconds\":%.2f,"
						+ " \"ratio\":%.2f, \"peakHeapMiB\":%d, \"maxHeapMiB\":%d}",
				this.rows, customers, interactions, fileMiB, seconds, this.rows / seconds, rawCopySeconds,
				seconds / rawCopySeconds, timed.peakHeapMiB(), TimedImport.maxHeapMiB()));
	}

	/**
	 * Writes the interaction file an admin would upload (Chinese headers and types, local
	 * times, every row a new interaction of a random customer) and the same rows in COPY
	 * text format with customer ids.
	 */
	private void write(Path csv, Path copyText, long customers) throws IOException {
		SplittableRandom random = new SplittableRandom(42);
		DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
		LocalDateTime first = LocalDateTime.of(YEAR, 1, 1, 8, 0);
		try (Writer file = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
				Writer copy = Files.newBufferedWriter(copyText, StandardCharsets.UTF_8)) {
			file.write("客户编号,互动类型,时间,满意度,备注\n");
			for (int i = 0; i < this.rows; i++) {
				long customer = 1 + random.nextLong(customers);
				String[] type = TYPES[random.nextInt(TYPES.length)];
				// One second apart: no two rows share customer, type and time.
				LocalDateTime time = first.plusSeconds(i);
				String satisfaction = (random.nextInt(3) == 0) ? "" : Integer.toString(1 + random.nextInt(5));
				String notes = NOTES[random.nextInt(NOTES.length)];
				file.write(String.format(Locale.ROOT, "C%07d", customer) + "," + type[0] + "," + local.format(time)
						+ "," + satisfaction + "," + notes + "\n");
				copy.write(customer + "\t" + type[1] + "\t" + time.atZone(this.zone).toInstant() + "\t"
						+ (satisfaction.isEmpty() ? "\\N" : satisfaction) + "\t" + (notes.isEmpty() ? "\\N" : notes)
						+ "\n");
			}
		}
	}

	private long count(String sql) {
		Long count = this.jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

}
