package com.tiercrm.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.tiercrm.testing.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * V24 turns a PostgreSQL database whose {@code customer_segments} already holds runs into
 * one partition per run, rows, keys and index names kept.
 */
class RunPartitioningMigrationTests {

	private static final String[] LOCATIONS = { "classpath:db/migration", "classpath:db/vendor/postgresql" };

	@Test
	void movesEveryRunsRowsIntoAPartitionOfItsOwn() throws SQLException {
		PostgresTestDatabase.Connection db = PostgresTestDatabase.connection();
		String schema = "v24_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = db.open()) {
			SingleConnectionDataSource postgres = new SingleConnectionDataSource(connection, true);
			JdbcTemplate jdbc = new JdbcTemplate(postgres);
			try {
				configure(postgres, schema).target("23").load().migrate();
				jdbc.execute("SET search_path TO " + schema);
				for (long customer = 1; customer <= 3; customer++) {
					segment(jdbc, 7, customer, "ABC:A", 100 * customer);
				}
				segment(jdbc, 9, 1, "ABC:B", 50);
				segment(jdbc, 9, 2, "ABC:C", 5);

				configure(postgres, schema).load().migrate();
				jdbc.execute("SET search_path TO " + schema);

				assertThat(jdbc.queryForObject("select count(*) from pg_partitioned_table"
						+ " where partrelid = 'customer_segments'::regclass", Integer.class))
					.isOne();
				assertThat(jdbc.queryForList(
						"select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
								+ " where i.inhparent = 'customer_segments'::regclass order by c.relname",
						String.class))
					.containsExactly("customer_segments_r7", "customer_segments_r9");
				assertThat(jdbc.queryForList("select count(*) from customer_segments_r7", Long.class))
					.containsExactly(3L);
				assertThat(jdbc.queryForMap("select tier, monetary, revenue from customer_segments"
						+ " where run_id = 9 and customer_id = 2"))
					.containsExactly(entry("tier", "ABC:C"), entry("monetary", 5.0), entry("revenue", 5.0));
				assertThat(jdbc.queryForList("select indexname from pg_indexes where tablename = 'customer_segments'"
						+ " and schemaname = ? order by indexname", String.class, schema))
					.containsExactly("ix_customer_segments_clv", "ix_customer_segments_tier_monetary",
							"pk_customer_segments");
				// Every partition carries the parent's three indexes.
				List<Map<String, Object>> indexes = jdbc.queryForList("select tablename, count(*) as n from pg_indexes"
						+ " where schemaname = ? and tablename like 'customer\\_segments\\_r%' group by tablename",
						schema);
				assertThat(indexes).extracting((row) -> ((Number) row.get("n")).intValue()).containsExactly(3, 3);
				assertThat(jdbc
					.queryForObject("select count(*) from pg_class where relname = 'customer_segments_unpartitioned'"
							+ " and relnamespace = ?::regnamespace", Integer.class, schema))
					.isZero();
			}
			finally {
				jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
			}
		}
	}

	private static FluentConfiguration configure(SingleConnectionDataSource dataSource, String schema) {
		return Flyway.configure().dataSource(dataSource).locations(LOCATIONS).schemas(schema).createSchemas(true);
	}

	private static void segment(JdbcTemplate jdbc, long runId, long customerId, String tier, double monetary) {
		jdbc.update("insert into customer_segments (run_id, customer_id, abc_class, abc_value, abc_rank,"
				+ " abc_share_before, frequency, monetary, r_score, f_score, m_score, rfm_segment, clv_historical,"
				+ " clv_predicted, clv_method, clv_rank, clv_class, tier, downgrade_streak, gross_profit, revenue)"
				+ " values (?, ?, ?, ?, 1, 0, 1, ?, 1, 1, 1, 'GENERAL_RETAIN', 0, 0, 'BG_NBD_GAMMA_GAMMA', 1, 'LOW', ?,"
				+ " 0, 0, ?)", runId, customerId, tier.substring(4), monetary, monetary, tier, monetary);
	}

}
