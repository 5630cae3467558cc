package com.tiercrm.demo;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.tiercrm.account.Role;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo data on start-up when {@code tiercrm.demo.enabled} is set and the
 * database holds neither users nor customers: one admin, two managers with a team each,
 * six reps, and thousands of customers with three years of orders. It never writes into a
 * database that already holds data.
 */
@Component
@Order(DemoDataSeeder.ORDER)
class DemoDataSeeder implements ApplicationRunner {

	/** Runs before the first-admin bootstrap, which then finds the demo admin. */
	static final int ORDER = 100;

	private static final Logger logger = LoggerFactory.getLogger(DemoDataSeeder.class);

	private static final List<String> ACCOUNT_TABLES = List.of("users", "customers");

	private static final int CHUNK_SIZE = 2000;

	private final DataSource dataSource;

	private final DemoProperties properties;

	private final Environment environment;

	private final PasswordEncoder passwordEncoder;

	private final ObjectProvider<SegmentationRuns> segmentation;

	DemoDataSeeder(DataSource dataSource, DemoProperties properties, Environment environment,
			ObjectProvider<PasswordEncoder> passwordEncoder, ObjectProvider<SegmentationRuns> segmentation) {
		this.dataSource = dataSource;
		this.properties = properties;
		this.environment = environment;
		this.passwordEncoder = passwordEncoder
			.getIfAvailable(PasswordEncoderFactories::createDelegatingPasswordEncoder);
		this.segmentation = segmentation;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.properties.enabled()) {
			seedIfEmpty().ifPresentOrElse((summary) -> {
				// A first run, so that the demo opens with tiers to look at.
				this.segmentation.ifAvailable((runs) -> runs
					.runNow(new RunRequest(this.properties.today(), null, RunTrigger.MANUAL, "demo")));
				logBanner(summary);
			}, () -> logger.info("Demo data not seeded: the database already holds users or customers"));
		}
	}

	/**
	 * Seeds the demo data if the database holds no users and no customers.
	 * @return what was written, or nothing when the database already held data
	 */
	public Optional<LoadSummary> seedIfEmpty() {
		return Transactions.inTransaction(this.dataSource, (connection) -> {
			if (!SyntheticDataLoader.isEmpty(connection, ACCOUNT_TABLES)) {
				return Optional.empty();
			}
			AccountWriter accounts = new AccountWriter(connection,
					this.passwordEncoder.encode(this.properties.password()));
			long[] reps = createAccounts(accounts);
			LocalDate today = (this.properties.today() != null) ? this.properties.today()
					: LocalDate.now(ZoneOffset.UTC);
			SyntheticData data = new SyntheticData(this.properties.seed(), today, this.properties.ordersPerCustomer(),
					reps);
			return Optional.of(new SyntheticDataLoader(CHUNK_SIZE).load(connection, data, this.properties.customers())
				.withUsers(accounts.created()));
		});
	}

	/**
	 * The demo logins: manager1 leads team East and is head of sales (sees every
	 * customer); manager2 leads team West and sees only that team's customers.
	 */
	private static long[] createAccounts(AccountWriter accounts) throws SQLException {
		accounts.user("admin", "系统管理员 Admin", Role.ADMIN, null, false);
		long east = accounts.team("华东团队 East", "manager1", "王经理 Wang Jun", true);
		long west = accounts.team("西部团队 West", "manager2", "李经理 Li Mei", false);
		return new long[] { accounts.user("rep1", "张伟 Zhang Wei", Role.SALES_REP, east, false),
				accounts.user("rep2", "刘洋 Liu Yang", Role.SALES_REP, east, false),
				accounts.user("rep3", "陈静 Chen Jing", Role.SALES_REP, east, false),
				accounts.user("rep4", "杨帆 Yang Fan", Role.SALES_REP, west, false),
				accounts.user("rep5", "赵敏 Zhao Min", Role.SALES_REP, west, false),
				accounts.user("rep6", "黄磊 Huang Lei", Role.SALES_REP, west, false) };
	}

	private void logBanner(LoadSummary summary) {
		String port = this.environment.getProperty("local.server.port");
		String url = (port != null)
				? "http://localhost:" + port + this.environment.getProperty("server.servlet.context-path", "") + "/"
				: "(no web server in this run)";
		logger.info("""

				================================================================================
				  TierCRM demo data seeded: {} customers, {} orders, {} interactions in {} s
				  Open {}
				  Sign in with password '{}' as:
				    admin     administrator
				    manager1  head of sales, leads team East (sees all customers)
				    manager2  leads team West (sees team West's customers)
				    rep1 rep2 rep3  sales reps in team East
				    rep4 rep5 rep6  sales reps in team West
				================================================================================""",
				summary.customers(), summary.orders(), summary.interactions(),
				String.format(java.util.Locale.ROOT, "%.1f", summary.seconds()), url, this.properties.password());
	}

}
