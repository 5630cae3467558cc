package com.tiercrm;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The embedded H2 database keeps working once the connection that migrated it is gone. H2
 * 2.4.240 lost every {@code CHECK (... IN (...))} constraint with the connection that
 * created it (h2database issues 4308, 4342): when Hikari retired that connection after 30
 * minutes, every write to a constrained table failed with "The database has been closed".
 */
class EmbeddedDatabaseTests {

	@Test
	void everyConstrainedTableTakesWritesAfterTheMigratingConnectionIsClosed() throws SQLException {
		String url = "jdbc:h2:mem:retired-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		try (Connection migrating = DriverManager.getConnection(url, "sa", "")) {
			Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
			try (Statement statement = migrating.createStatement()) {
				statement.execute("select count(*) from tiers");
			}
		}
		try (Connection later = DriverManager.getConnection(url, "sa", ""); Statement sql = later.createStatement()) {
			sql.executeUpdate("insert into teams (name) values ('East')");
			sql.executeUpdate("insert into users (username, display_name, password_hash, role, enabled, team_id,"
					+ " created_at) values ('rep', 'Rep', 'x', 'SALES_REP', true, 1, current_timestamp)");
			sql.executeUpdate("insert into customers (code, name, type, channel_type, owner_id, status, created_at,"
					+ " updated_at) values ('C1', 'Café', 'ENTERPRISE', 'ONLINE', 1, 'ACTIVE', current_timestamp,"
					+ " current_timestamp)");
			sql.executeUpdate("insert into sales_orders (order_no, customer_id, ordered_at, amount, gross_profit,"
					+ " status) values ('O1', 1, current_timestamp, 10, 2, 'COMPLETED')");
			sql.executeUpdate("insert into interactions (customer_id, type, occurred_at, satisfaction)"
					+ " values (1, 'CALL', current_timestamp, 5)");
			sql.executeUpdate(
					"insert into segmentation_configs (created_at, settings) values (current_timestamp, '{}')");
			sql.executeUpdate("insert into segmentation_runs (as_of, config_id, status, run_trigger, started_at)"
					+ " values (current_date, 1, 'RUNNING', 'API', current_timestamp)");
			sql.executeUpdate("update segmentation_state set running_run_id = 1 where id = 1");
			sql.executeUpdate("insert into import_jobs (kind, file_name, file_bytes, mode, dry_run, status,"
					+ " requested_by, started_at) values ('ORDERS', 'o.csv', 1, 'ATOMIC', false, 'RUNNING', 'admin',"
					+ " current_timestamp)");
			sql.executeUpdate("insert into import_mappings (kind, name, columns, saved_by, saved_at)"
					+ " values ('ORDERS', 'erp', '{}', 'admin', current_timestamp)");
			sql.executeUpdate("insert into run_group_stats (run_id, dimension, group_code, customers, revenue, profit,"
					+ " clv_predicted_sum, buyers, repeat_buyers, satisfaction_sum, satisfaction_count)"
					+ " values (1, 'TIER', 'ABC:A', 1, 10, 2, 0, 1, 0, 5, 1)");
			sql.executeUpdate("update tier_policies set current_version = 2 where tier_code = 'ABC:A'");

			assertThat(count(sql, "select count(*) from customers where status = 'ACTIVE'")).isEqualTo(1);
			assertThatExceptionOfType(SQLException.class).as("the constraints are still checked")
				.isThrownBy(() -> sql.executeUpdate("update customers set status = 'GONE'"));
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> sql.executeUpdate("update sales_orders set status = 'LOST'"));
		}
	}

	private static long count(Statement sql, String query) throws SQLException {
		try (var rows = sql.executeQuery(query)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
