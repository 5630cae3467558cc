package com.tiercrm.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import javax.sql.DataSource;

import com.tiercrm.account.Role;
import com.tiercrm.bootstrap.GeneratedPassword;
import com.tiercrm.database.DatabaseDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Fills a database with a synthetic population for scale tests: by default 100,000
 * customers with ten orders each on average, up to millions. It refuses to add to tables
 * that already hold customers, orders or interactions unless told to append. When there
 * are no sales reps it creates its own teams, managers and reps to own the customers.
 */
public class DataGenerator {

	private static final Logger logger = LoggerFactory.getLogger(DataGenerator.class);

	private final DataSource dataSource;

	private final GeneratorProperties properties;

	private final PasswordEncoder passwordEncoder;

	public DataGenerator(DataSource dataSource, GeneratorProperties properties, PasswordEncoder passwordEncoder) {
		this.dataSource = dataSource;
		this.properties = properties;
		this.passwordEncoder = passwordEncoder;
	}

	/**
	 * Generates and commits the configured population.
	 * @return what was written
	 * @throws IllegalStateException if the tables hold data and append is not set
	 */
	public LoadSummary generate() {
		long started = System.nanoTime();
		LoadSummary loaded = Transactions.inTransaction(this.dataSource, (connection) -> {
			if (!this.properties.append() && !SyntheticDataLoader.isEmpty(connection, SyntheticDataLoader.TABLES)) {
				throw new IllegalStateException("The database already holds customers, orders or interactions."
						+ " Run the generator against an empty database, or pass --tiercrm.generator.append=true"
						+ " to add to them.");
			}
			long[] reps = AccountWriter.existingReps(connection);
			int users = 0;
			if (reps.length == 0) {
				AccountWriter accounts = new AccountWriter(connection, this.passwordEncoder.encode(password()));
				reps = createAccounts(accounts);
				users = accounts.created();
			}
			LocalDate today = (this.properties.today() != null) ? this.properties.today()
					: LocalDate.now(ZoneOffset.UTC);
			SyntheticData data = new SyntheticData(this.properties.seed(), today, this.properties.ordersPerCustomer(),
					reps);
			return new SyntheticDataLoader(this.properties.chunkSize())
				.load(connection, data, this.properties.customers())
				.withUsers(users);
		});
		analyze();
		return loaded.withSeconds((System.nanoTime() - started) / 1e9);
	}

	private long[] createAccounts(AccountWriter accounts) throws SQLException {
		int teams = Math.max(1, this.properties.teams());
		int reps = Math.max(1, this.properties.reps());
		long[] teamIds = new long[teams];
		for (int t = 0; t < teams; t++) {
			String number = String.format(Locale.ROOT, "%02d", t + 1);
			teamIds[t] = accounts.team("销售" + number + "组 Team " + number, "gen-manager" + number,
					"经理" + number + " Manager " + number, false);
		}
		long[] repIds = new long[reps];
		for (int r = 0; r < reps; r++) {
			String number = String.format(Locale.ROOT, "%03d", r + 1);
			repIds[r] = accounts.user("gen-rep" + number, "销售" + number + " Rep " + number, Role.SALES_REP,
					teamIds[r % teams], false);
		}
		return repIds;
	}

	private String password() {
		String configured = this.properties.password();
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		String password = GeneratedPassword.create();
		logger.info("""

				================================================================================
				  The generator created managers gen-manager01… and reps gen-rep001…
				  Their password, shown only this once: {}
				================================================================================""", password);
		return password;
	}

	/** Fresh statistics, so that the first queries on millions of rows plan well. */
	private void analyze() {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			if (DatabaseDialect.isPostgres(connection)) {
				statement.execute("ANALYZE customers, sales_orders, interactions");
			}
		}
		catch (SQLException ex) {
			logger.warn("Could not analyze the generated tables", ex);
		}
	}

}
