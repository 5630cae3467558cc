package com.tiercrm.customer;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application on one database: an entry renamed on one shows on the
 * other within a minute, without a restart.
 */
class ReferenceDataTests {

	@Test
	void anEditOnAnotherInstanceShowsWithinAMinute() {
		String url = "jdbc:h2:mem:reference-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
		AtomicLong nanos = new AtomicLong();
		ReferenceData here = new ReferenceData(jdbc, nanos::get);
		ReferenceData there = new ReferenceData(jdbc);
		assertThat(here.catalog(ReferenceKind.INDUSTRY).find("RETAIL")).map(ReferenceEntry::englishName)
			.contains("Retail");

		there.update(ReferenceKind.INDUSTRY, new ReferenceEntry("RETAIL", "Retail trade", "零售业", 10));

		assertThat(here.catalog(ReferenceKind.INDUSTRY).find("RETAIL")).map(ReferenceEntry::englishName)
			.contains("Retail");
		nanos.addAndGet(TimeUnit.SECONDS.toNanos(61));
		assertThat(here.catalog(ReferenceKind.INDUSTRY).find("RETAIL")).map(ReferenceEntry::chineseName)
			.contains("零售业");
	}

}
