package com.tiercrm;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import com.tiercrm.account.UserRepository;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerRepository;
import com.tiercrm.customer.CustomerType;
import com.tiercrm.imports.ImportJob;
import com.tiercrm.imports.ImportKind;
import com.tiercrm.imports.ImportManagement;
import com.tiercrm.imports.ImportMode;
import com.tiercrm.imports.ImportRequest;
import com.tiercrm.imports.ImportStatus;
import com.tiercrm.lease.LeasedTable;
import com.tiercrm.lease.Leases;
import com.tiercrm.testing.PostgresTestDatabase;
import com.tiercrm.tiering.list.TierLabels;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the application on one PostgreSQL, as behind a load balancer: a
 * session made on one is valid on the other; a run going on on one is left alone by the
 * other starting, as long as its lease is renewed; once its instance stops renewing, the
 * other fails it after the lease has expired, and the first can then no longer publish
 * it; the scheduled run fires on one instance only; names cached on one are read again
 * when another changes them; an import checked on one is committed by the other.
 */
class TwoInstancesIntegrationTests {

	private static final Duration LEASE = Duration.ofSeconds(4);

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	private Connection blocker;

	@AfterEach
	void close() throws Exception {
		if (this.blocker != null) {
			this.blocker.rollback();
			this.blocker.close();
		}
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { this.b, this.a }) {
			if (context != null) {
				context.close();
			}
		}
	}

	@Test
	void instancesShareSessionsRunsAndTheSchedule() throws Exception {
		this.a = start("a");
		JdbcTemplate jdbc = this.a.getBean(JdbcTemplate.class);
		String username = "TI" + UUID.randomUUID().toString().substring(0, 6);
		this.a.getBean(UserRepository.class)
			.save(new User(username, "two instances", this.a.getBean(PasswordEncoder.class).encode("a passphrase"),
					Role.ADMIN));

		// B starts before the orders table is locked: validating the schema reads the
		// table's column defaults, which PostgreSQL cannot deparse under that lock.
		this.b = start("b");

		// A run on A that waits for the orders table, held by this test. A database
		// without customers would need no orders at all.
		this.a.getBean(CustomerRepository.class)
			.save(new Customer(username + "-C", "two instances customer", CustomerType.ENTERPRISE));
		this.blocker = PostgresTestDatabase.connection().open();
		this.blocker.setAutoCommit(false);
		try (Statement statement = this.blocker.createStatement()) {
			statement.execute("LOCK TABLE sales_orders IN ACCESS EXCLUSIVE MODE");
		}
		long runId = this.a.getBean(SegmentationRuns.class)
			.start(new RunRequest(null, null, RunTrigger.MANUAL, username));
		String ownerA = this.a.getBean(Leases.class).owner();
		assertThat(jdbc.queryForObject("select lease_owner from segmentation_runs where id = ?", String.class, runId))
			.isEqualTo(ownerA);

		assertThat(status(jdbc, runId)).isEqualTo(RunStatus.RUNNING);
		// Longer than a lease: A renews it, and B's sweeps leave the run alone.
		await().during(LEASE.plusSeconds(2))
			.atMost(LEASE.plusSeconds(30))
			.until(() -> status(jdbc, runId) == RunStatus.RUNNING);

		// Signed in on A, the same cookie opens a page on B.
		FormClient browser = new FormClient(port(this.a));
		assertThat(browser.login(username, "a passphrase").headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));
		String session = browser.cookie("SESSION").orElseThrow();
		HttpResponse<String> onB = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(this.b) + "/account/tokens"))
				.header("Cookie", "SESSION=" + session)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).contains("two instances");

		// A tier renamed through A is renamed on B too, although B had the names cached.
		TierLabels labelsOnB = this.b.getBean(TierLabels.class);
		String label = labelsOnB.label("ABC:A", Locale.ENGLISH);
		try {
			jdbc.update("update tiers set label_en = ? where code = 'ABC:A'", label + " (" + username + ")");
			this.a.getBean(TierLabels.class).forget();
			await().atMost(Duration.ofSeconds(20))
				.until(() -> labelsOnB.label("ABC:A", Locale.ENGLISH).equals(label + " (" + username + ")"));
		}
		finally {
			jdbc.update("update tiers set label_en = ? where code = 'ABC:A'", label);
			this.a.getBean(TierLabels.class).forget();
		}

		// A stops renewing (as if hung or cut off): another instance fails the run once
		// the lease has expired, and A, when it gets on, cannot publish it. That is B, or
		// an application context of another test class still alive in this JVM on the
		// same database: whichever sweeps first.
		this.a.getBean(ThreadPoolTaskScheduler.class).shutdown();
		await().atMost(LEASE.plusSeconds(30)).until(() -> status(jdbc, runId) == RunStatus.FAILED);
		assertThat(jdbc.queryForObject("select error_message from segmentation_runs where id = ?", String.class, runId))
			.isEqualTo("runs.failure.interrupted");
		assertThat(jdbc.queryForObject("select lease_owner from segmentation_runs where id = ?", String.class, runId))
			.isNotNull()
			.isNotEqualTo(ownerA);
		assertThat(jdbc.queryForObject("select running_run_id from segmentation_state", Long.class)).isNull();
		Long published = jdbc.queryForObject("select published_run_id from segmentation_state", Long.class);
		this.blocker.rollback();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !this.a.getBean(Leases.class).holds(LeasedTable.SEGMENTATION_RUNS, runId));
		assertThat(status(jdbc, runId)).isEqualTo(RunStatus.FAILED);
		assertThat(jdbc.queryForObject("select published_run_id from segmentation_state", Long.class))
			.isEqualTo(published);

		// A file checked by a dry run on A is committed by B: the upload is kept with its
		// job in the database, not on A's disk.
		ImportJob checked = this.a.getBean(ImportManagement.class)
			.submit(new ImportRequest(ImportKind.CUSTOMERS, "customers.csv", ImportMode.ATOMIC, true, null, username),
					new ByteArrayInputStream(
							("客户编号,客户名称\r\n" + username + "-IMP,两实例导入客户\r\n").getBytes(StandardCharsets.UTF_8)));
		assertThat(checked.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(
				jdbc.queryForObject("select count(*) from customers where code = ?", Integer.class, username + "-IMP"))
			.isZero();
		ImportJob committed = this.b.getBean(ImportManagement.class).commit(checked.id(), username);
		assertThat(committed.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(jdbc.queryForObject("select name from customers where code = ?", String.class, username + "-IMP"))
			.isEqualTo("两实例导入客户");

		// The scheduled run, fired on both, runs once.
		jdbc.update("delete from shedlock where name = 'scheduled-segmentation'");
		Long before = jdbc.queryForObject("select coalesce(max(id), 0) from segmentation_runs", Long.class);
		fireScheduledRun(this.a);
		fireScheduledRun(this.b);
		assertThat(
				jdbc.queryForObject("select count(*) from segmentation_runs where id > ? and run_trigger = 'SCHEDULE'",
						Integer.class, before))
			.isOne();
	}

	private static ConfigurableApplicationContext start(String name) {
		PostgresTestDatabase.Connection db = PostgresTestDatabase.connection();
		// Arguments, as on a command line: they take precedence over
		// application.properties.
		return new SpringApplicationBuilder(TierCrmApplication.class).run("--server.port=0",
				"--tiercrm.demo.enabled=false", "--spring.datasource.url=" + db.url(),
				"--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
				"--spring.datasource.hikari.maximum-pool-size=6", "--spring.datasource.hikari.minimum-idle=0",
				"--spring.flyway.locations=classpath:db/migration,classpath:db/vendor/{vendor}",
				"--tiercrm.leases.duration=" + LEASE.toMillis() + "ms", "--tiercrm.leases.renewal-interval=500ms",
				"--spring.application.name=tiercrm-" + name);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static RunStatus status(JdbcTemplate jdbc, long runId) {
		return RunStatus
			.valueOf(jdbc.queryForObject("select status from segmentation_runs where id = ?", String.class, runId));
	}

	/** What the scheduler does on the run's cron, done now. */
	private static void fireScheduledRun(ConfigurableApplicationContext context) {
		context.getBean(ScheduledTaskHolder.class)
			.getScheduledTasks()
			.stream()
			.filter((task) -> task.toString().contains("ScheduledSegmentation.run"))
			.findFirst()
			.orElseThrow()
			.getTask()
			.getRunnable()
			.run();
	}

}
