package com.tiercrm.demo;

import com.tiercrm.account.User;

import java.time.LocalDate;

import com.tiercrm.tiering.run.SegmentationRuns;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

@DataJpaTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:demo-seeder;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"tiercrm.demo.enabled=true", "tiercrm.demo.today=2026-06-30" })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(DemoDataSeeder.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class DemoDataSeederTests {

	private final PasswordEncoder passwordEncoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	@Autowired
	private DemoDataSeeder seeder;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void seedsAnEmptyDatabaseOnStartUpAndNeverAgain() {
		// The runner seeded while the context started.
		assertThat(count("customers")).isEqualTo(5000);
		long orders = count("sales_orders");
		assertThat(orders).isBetween(50_000L, 70_000L);
		assertThat(count("interactions")).isGreaterThan(10_000);
		assertThat(count("users")).isEqualTo(9);

		assertThat(this.seeder.seedIfEmpty()).isEmpty();
		assertThat(count("customers")).isEqualTo(5000);
		assertThat(count("sales_orders")).isEqualTo(orders);
	}

	@Test
	void everyCustomerCarriesTheTimeOfItsLatestInteraction() {
		assertThat(this.jdbc.queryForObject("SELECT COUNT(last_contact_at) FROM customers", Long.class))
			.isEqualTo(5000);
		assertThat(this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM customers c WHERE c.last_contact_at IS DISTINCT FROM
				    (SELECT MAX(i.occurred_at) FROM interactions i WHERE i.customer_id = c.id)""", Long.class))
			.isZero();
	}

	@Test
	void createsTheDemoLoginsWithOnePassword() {
		assertThat(this.jdbc.queryForList("SELECT username FROM users WHERE role = 'MANAGER' ORDER BY username",
				String.class))
			.containsExactly("manager1", "manager2");
		assertThat(this.jdbc.queryForList("SELECT username FROM users WHERE head_of_sales", String.class))
			.containsExactly("manager1");
		assertThat(this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM users u JOIN teams t ON t.id = u.team_id JOIN users m ON m.id = t.manager_id
				WHERE u.role = 'SALES_REP' AND m.username = 'manager2'""", Long.class)).isEqualTo(3);
		String hash = this.jdbc.queryForObject("SELECT password_hash FROM users WHERE username = 'rep4'", String.class);
		assertThat(this.passwordEncoder.matches("demo123", hash)).isTrue();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT owner_id) FROM customers", Long.class)).isEqualTo(6);
	}

	@Test
	void identityColumnsContinueAfterTheSeededIds() {
		Long next = this.jdbc.queryForObject("SELECT MAX(id) + 1 FROM sales_orders", Long.class);
		this.jdbc.update("""
				INSERT INTO sales_orders (order_no, customer_id, ordered_at, amount, gross_profit, status)
				VALUES ('TEST-1', 1, CURRENT_TIMESTAMP, 1, 0, 'COMPLETED')""");
		assertThat(this.jdbc.queryForObject("SELECT id FROM sales_orders WHERE order_no = 'TEST-1'", Long.class))
			.isEqualTo(next);
		this.jdbc.update("DELETE FROM sales_orders WHERE order_no = 'TEST-1'");
	}

	@Test
	void doesNotSeedADatabaseThatHoldsAUser() {
		SingleConnectionDataSource other = new SingleConnectionDataSource(
				"jdbc:h2:mem:demo-seeder-other;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa",
				"", true);
		Flyway.configure().dataSource(other).locations("classpath:db/migration").load().migrate();
		JdbcTemplate otherJdbc = new JdbcTemplate(other);
		otherJdbc.update("""
				INSERT INTO users (username, display_name, password_hash, role, enabled, created_at)
				VALUES ('someone', 'Someone', '{noop}x', 'ADMIN', TRUE, CURRENT_TIMESTAMP)""");
		DemoDataSeeder seeder = new DemoDataSeeder(other,
				new DemoProperties(true, 10, 12, 1, "demo123", LocalDate.of(2026, 6, 30)), new MockEnvironment(),
				new org.springframework.beans.factory.support.StaticListableBeanFactory()
					.getBeanProvider(PasswordEncoder.class),
				new org.springframework.beans.factory.support.StaticListableBeanFactory()
					.getBeanProvider(SegmentationRuns.class));
		assertThat(seeder.seedIfEmpty()).isEmpty();
		assertThat(otherJdbc.queryForObject("SELECT COUNT(*) FROM customers", Long.class)).isZero();
		assertThat(otherJdbc.queryForObject("SELECT COUNT(*) FROM users", Long.class)).isOne();
		other.destroy();
	}

	private long count(String table) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
		return (count != null) ? count : -1;
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = User.class)
	@EnableConfigurationProperties(DemoProperties.class)
	static class TestConfiguration {

	}

}
