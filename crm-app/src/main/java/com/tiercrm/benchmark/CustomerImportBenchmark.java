package com.tiercrm.benchmark;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import com.tiercrm.imports.ImportKind;
import com.tiercrm.imports.ImportManagement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Times a committed import of new customers (parse, validate, owners resolved, upsert by
 * code) into the configured PostgreSQL and, in the same process, PostgreSQL's own raw
 * {@code COPY} of the same rows (values already normalised, owner ids resolved) into a
 * copy of the {@code customers} table with its rows, all its indexes and the owner's
 * foreign key, dropped again before the import; prints one JSON line. Changes the
 * database: run it against a copy.
 */
@Component
@ConditionalOnBooleanProperty("tiercrm.benchmark.imports")
@ConditionalOnProperty(name = "tiercrm.benchmark.import-kind", havingValue = "customers")
class CustomerImportBenchmark implements ApplicationRunner {

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周" };

	private static final String[] GIVEN_NAMES = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳" };

	private static final String[] COMPANY_WORDS = { "华信", "宏达", "东方", "新源", "恒通", "金桥", "德润", "盛世" };

	private static final String[] COMPANY_KINDS = { "贸易有限公司", "科技有限公司", "实业有限公司", "物流有限公司" };

	/** Province, city, region as written in the file, region code as stored. */
	private static final String[][] PLACES = { { "上海", "上海", "华东", "EAST" }, { "浙江", "杭州", "华东", "EAST" },
			{ "江苏", "南京", "华东", "EAST" }, { "北京", "北京", "华北", "NORTH" }, { "广东", "深圳", "华南", "SOUTH" },
			{ "广东", "广州", "SOUTH", "SOUTH" }, { "湖北", "武汉", "华中", "CENTRAL" }, { "四川", "成都", "西南", "SOUTHWEST" },
			{ "陕西", "西安", "西北", "NORTHWEST" }, { "辽宁", "沈阳", "东北", "NORTHEAST" } };

	private static final String[] INDUSTRIES = { "RETAIL", "MANUFACTURING", "PHARMA", "IT", "FINANCE", "EDUCATION",
			"LOGISTICS", "FOOD", "CONSTRUCTION", "ENERGY", "OTHER" };

	private final ImportManagement imports;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final int rows;

	CustomerImportBenchmark(ImportManagement imports, DataSource dataSource,
			@Value("${tiercrm.benchmark.import-rows:1000000}") int rows) {
		this.imports = imports;
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.rows = rows;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (count("SELECT count(*) FROM customers WHERE code >= 'IMP' AND code < 'IMQ'") > 0) {
			throw new IllegalStateException("The database already holds benchmark customers; use a fresh copy");
		}
		long customers = count("SELECT count(*) FROM customers");
		List<Owner> owners = this.jdbc.query(
				"SELECT username, id FROM users WHERE role = 'SALES_REP' AND enabled ORDER BY id LIMIT 100",
				(rs, i) -> new Owner(rs.getString(1), rs.getLong(2)));
		Path directory = Files.createTempDirectory("tiercrm-import-benchmark");
		Path csv = directory.resolve("customers.csv");
		Path copyText = directory.resolve("customers.copy");
		write(csv, copyText, owners);
		double rawCopySeconds = TableCopyFloor.seconds(this.dataSource, "customers",
				"code, name, type, phone, email, province, city, region, industry, owner_id, status, created_at,"
						+ " updated_at, version",
				List.of("(owner_id) REFERENCES users (id)"), copyText);
		TimedImport timed = TimedImport.run(this.imports, ImportKind.CUSTOMERS, csv, this.rows, copyText, directory);
		double seconds = timed.seconds();
		long fileMiB = timed.fileMiB();
		System.out.println(String.format(Locale.ROOT,
				"{\"kind\":\"customers\", \"rows\":%d, \"customersBefore\":%d, \"owners\":%d, \"fileMiB\":%d,"
						+ " \"seconds\":%.2f, \"rowsPerSecond\":%.0f, \"rawCopySeconds\":%.2f, \"ratio\":%.2f,"
						+ " \"peakHeapMiB\":%d, \"maxHeapMiB\":%d}",
				this.rows, customers, owners.size(), fileMiB, seconds, this.rows / seconds, rawCopySeconds,
				seconds / rawCopySeconds, timed.peakHeapMiB(), TimedImport.maxHeapMiB()));
	}

	/**
	 * Writes the customer file an admin would upload (Chinese headers and values, phones
	 * and regions written in several ways) and the same rows as they are stored, in COPY
	 * text format with owner ids.
	 */
	private void write(Path csv, Path copyText, List<Owner> owners) throws IOException {
		SplittableRandom random = new SplittableRandom(42);
		String now = Instant.now().toString();
		try (Writer file = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
				Writer copy = Files.newBufferedWriter(copyText, StandardCharsets.UTF_8)) {
			file.write("客户编号,客户名称,类型,电话,邮箱,省份,城市,区域,行业,状态,负责人\n");
			for (int i = 1; i <= this.rows; i++) {
				String code = String.format(Locale.ROOT, "IMP%07d", i);
				boolean enterprise = random.nextInt(10) < 7;
				String name = enterprise
						? "上海" + COMPANY_WORDS[random.nextInt(COMPANY_WORDS.length)]
								+ COMPANY_WORDS[random.nextInt(COMPANY_WORDS.length)]
								+ COMPANY_KINDS[random.nextInt(COMPANY_KINDS.length)]
						: SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)]
								+ ((random.nextBoolean()) ? GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)] : "");
				long mobile = 13_000_000_000L + random.nextLong(9_000_000_000L);
				String digits = Long.toString(mobile);
				String phone = switch (random.nextInt(3)) {
					case 0 -> digits;
					case 1 ->
						"+86 " + digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7);
					default -> digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7);
				};
				String email = (random.nextInt(3) == 0) ? "" : "User" + i + "@Example.com";
				String[] place = PLACES[random.nextInt(PLACES.length)];
				String industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
				boolean active = random.nextInt(10) < 9;
				Owner owner = owners.isEmpty() ? null : owners.get(random.nextInt(owners.size()));
				file.write(code + "," + name + "," + (enterprise ? "企业" : "个人") + "," + phone + "," + email + ","
						+ place[0] + "," + place[1] + "," + place[2] + ","
						+ (random.nextBoolean() ? industry : industry.toLowerCase(Locale.ROOT)) + ","
						+ (active ? "有效" : "停用") + "," + ((owner != null) ? owner.username() : "") + "\n");
				copy.write(code + "\t" + name + "\t" + (enterprise ? "ENTERPRISE" : "INDIVIDUAL") + "\t" + digits + "\t"
						+ (email.isEmpty() ? "\\N" : email.toLowerCase(Locale.ROOT)) + "\t" + place[0] + "\t" + place[1]
						+ "\t" + place[3] + "\t" + industry + "\t" + ((owner != null) ? owner.id() : "\\N") + "\t"
						+ (active ? "ACTIVE" : "INACTIVE") + "\t" + now + "\t" + now + "\t0\n");
			}
		}
	}

	private long count(String sql) {
		Long count = this.jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

	private record Owner(String username, long id) {

	}

}
