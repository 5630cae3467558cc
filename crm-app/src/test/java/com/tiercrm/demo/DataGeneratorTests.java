package com.tiercrm.demo;

import com.tiercrm.account.User;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;

import com.tiercrm.order.OrderStatus;
import com.tiercrm.testing.PostgresTestDatabase;
import com.tiercrm.testing.UsePostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Runs the generator against real PostgreSQL, in a schema of its own so that the rows it
 * writes and the keys it drops and restores touch no other test.
 */
@DataJpaTest
@UsePostgres
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class DataGeneratorTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

	private static final int CUSTOMERS = 2000;

	private final PasswordEncoder passwordEncoder = new PasswordEncoder() {

		@Override
		public String encode(CharSequence rawPassword) {
			return "{noop}" + rawPassword;
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return encodedPassword.equals(encode(rawPassword));
		}

	};

	private String schema;

	private DriverManagerDataSource dataSource;

	private JdbcTemplate jdbc;

	@BeforeEach
	void createSchema() throws SQLException {
		this.schema = "generator_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		PostgresTestDatabase.Connection database = PostgresTestDatabase.connection();
		execute("CREATE SCHEMA " + this.schema);
		String separator = database.url().contains("?") ? "&" : "?";
		this.dataSource = new DriverManagerDataSource(database.url() + separator + "currentSchema=" + this.schema,
				database.username(), database.password());
		Flyway.configure()
			.dataSource(this.dataSource)
			.schemas(this.schema)
			.locations("classpath:db/migration")
			.load()
			.migrate();
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	@AfterEach
	void dropSchema() throws SQLException {
		execute("DROP SCHEMA " + this.schema + " CASCADE");
	}

	@Test
	void copiesTheGeneratedPopulationIntoPostgres() {
		LoadSummary summary = generator(CUSTOMERS, false).generate();

		assertThat(summary.customers()).isEqualTo(CUSTOMERS);
		assertThat(summary.users()).isEqualTo(10 + 20);
		assertThat(count("customers")).isEqualTo(CUSTOMERS);
		assertThat(count("sales_orders")).isEqualTo(summary.orders());
		assertThat(count("interactions")).isEqualTo(summary.interactions());
		assertThat(count("users")).isEqualTo(30);

		// Recompute from the engine what the database must hold: same seed, same day, 20
		// reps.
		SyntheticData data = new SyntheticData(7, TODAY, 10, new long[20]);
		long orders = 0;
		long completedCents = 0;
		long interactions = 0;
		for (int i = 0; i < CUSTOMERS; i++) {
			SyntheticCustomer customer = data.customer(i);
			orders += customer.orders().size();
			interactions += customer.interactions().size();
			completedCents += customer.orders()
				.stream()
				.filter((order) -> order.status() == OrderStatus.COMPLETED)
				.mapToLong(SyntheticOrder::amountCents)
				.sum();
		}
		assertThat(summary.orders()).isEqualTo(orders);
		assertThat(summary.interactions()).isEqualTo(interactions);
		assertThat(this.jdbc.queryForObject("SELECT SUM(amount) FROM sales_orders WHERE status = 'COMPLETED'",
				BigDecimal.class))
			.isEqualByComparingTo(BigDecimal.valueOf(completedCents, 2));
		assertThat(this.jdbc.queryForObject("SELECT name FROM customers WHERE code = 'C0000001'", String.class))
			.isEqualTo(data.customer(0).name());
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM customers c JOIN users u ON u.id = c.owner_id WHERE u.role = 'SALES_REP'",
				Long.class))
			.isEqualTo(CUSTOMERS);
	}

	@Test
	void restoresTheForeignKeysAndContinuesTheIdentityColumns() {
		Long keysBefore = foreignKeys();
		String indexesBefore = indexes();
		generator(300, false).generate();

		// Owner, merged-into and referred-by, and each row's customer; the interaction's
		// rep.
		assertThat(foreignKeys()).isEqualTo(keysBefore).isEqualTo(6);
		assertThat(indexes()).isEqualTo(indexesBefore).contains("ix_customers_name", "ix_customers_phone");
		this.jdbc.update("""
				INSERT INTO customers (code, name, type, status, created_at, updated_at)
				VALUES ('X1', 'x', 'INDIVIDUAL', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""");
		assertThat(this.jdbc.queryForObject("SELECT id FROM customers WHERE code = 'X1'", Long.class)).isEqualTo(301);
	}

	@Test
	void refusesToAddToExistingDataUnlessToldToAppend() {
		LoadSummary first = generator(200, false).generate();

		assertThatIllegalStateException().isThrownBy(() -> generator(200, false).generate())
			.withMessageContaining("tiercrm.generator.append=true");
		assertThat(count("customers")).isEqualTo(200);

		LoadSummary second = generator(200, true).generate();
		assertThat(second.users()).isZero();
		assertThat(count("customers")).isEqualTo(400);
		assertThat(count("sales_orders")).isEqualTo(first.orders() + second.orders());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT code) FROM customers", Long.class)).isEqualTo(400);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(last_contact_at) FROM customers", Long.class)).isEqualTo(400);
		assertThat(this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM customers c WHERE c.last_contact_at IS DISTINCT FROM
				    (SELECT MAX(i.occurred_at) FROM interactions i WHERE i.customer_id = c.id)""", Long.class))
			.as("customers whose last contact is not their latest interaction")
			.isZero();
	}

	private DataGenerator generator(long customers, boolean append) {
		GeneratorProperties properties = new GeneratorProperties(true, customers, 10, 7, append, 10, 20, "secret", 500,
				TODAY);
		return new DataGenerator(this.dataSource, properties, this.passwordEncoder);
	}

	private Long foreignKeys() {
		// The foreign keys of the tables the generator loads: customers, orders,
		// interactions.
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = "
				+ "(SELECT oid FROM pg_namespace WHERE nspname = ?) AND conrelid::regclass::text IN"
				+ " ('customers', 'sales_orders', 'interactions')", Long.class, this.schema);
	}

	private String indexes() {
		return String.join("\n", this.jdbc.queryForList(
				"SELECT indexdef FROM pg_indexes WHERE schemaname = ? ORDER BY indexname", String.class, this.schema));
	}

	private long count(String table) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
		return (count != null) ? count : -1;
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = PostgresTestDatabase.connection().open();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = User.class)
	@EnableConfigurationProperties(GeneratorProperties.class)
	static class TestConfiguration {

	}

}
