package com.tiercrm.tiering.run;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.tiercrm.account.AccessScope;
import com.tiercrm.customer.CustomerManagement;
import com.tiercrm.order.OrderInput;
import com.tiercrm.order.OrderManagement;
import com.tiercrm.order.ScopedOrder;
import com.tiercrm.orderfacts.OrderFacts;
import com.tiercrm.tiering.config.SegmentationConfigs;
import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.model.CustomerFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The kept order facts against the orders: a run as of today reads the kept rows when
 * they are current, and gets the same facts and the same tiers as from the orders, also
 * after each kind of write and after the window moved. Subclasses pick the database.
 */
abstract class KeptFactsTests {

	private static final int WINDOW_MONTHS = 12;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FactsReader reader;

	@Autowired
	KeptFacts kept;

	@Autowired
	KeptFactsWindow window;

	@Autowired
	OrderFacts orderFacts;

	@Autowired
	SegmentationRuns runs;

	@Autowired
	SegmentationConfigs configs;

	@Autowired
	OrderManagement orders;

	@Autowired
	CustomerManagement customers;

	@Autowired
	TransactionTemplate transactions;

	private TestData data;

	private LocalDate today;

	@BeforeEach
	void createOrders() {
		this.data = new TestData(this.jdbc);
		this.data.clear();
		SegmentationSettings settings = this.configs.current().settings();
		this.configs.save(new SegmentationSettings(settings.abc(), WINDOW_MONTHS, settings.rfm(), settings.clv(),
				settings.tierModel(), settings.downgradeAfterRuns(), settings.models()), null);
		this.today = LocalDate.now(TestData.ZONE);
		this.data.customers(List.of("K01", "K02", "K03", "K04", "K05", "K06", "K07", "K08", "K09", "K10", "CANCEL",
				"NONE", "RETURNS", "EDGE", "GONE"));
		for (int i = 1; i <= 10; i++) {
			String code = "K%02d".formatted(i);
			double amount = 1000.0 / i;
			for (int n = 0; n < 11 - i; n++) {
				this.data.order(code + "-" + n, code, this.today.minusDays(5L * i + 45L * n), amount, amount / 4,
						"COMPLETED");
			}
		}
		this.data.order("K01-sameday", "K01", this.today.minusDays(5), 10, 2, "COMPLETED");
		this.data.order("K01-first-sameday", "K01", this.today.minusDays(5 + 45 * 9), 7.5, 1, "COMPLETED");
		this.data.order("K02-return", "K02", this.today.minusDays(1), -100.125, -25, "COMPLETED");
		this.data.order("K03-zero", "K03", this.today.minusDays(2), 0, 0, "COMPLETED");
		this.data.order("K03-refunded", "K03", this.today.minusDays(2), 500, 100, "REFUNDED");
		this.data.order("CANCEL-1", "CANCEL", this.today.minusDays(3), 5000, 1000, "CANCELLED");
		this.data.order("RETURNS-1", "RETURNS", this.today.minusDays(2), -40, -10, "COMPLETED");
		this.data.order("RETURNS-2", "RETURNS", this.today.minusDays(500), -60, -15, "COMPLETED");
		// On both sides of the window's first day and of midnight in the zone.
		LocalDate windowFrom = KeptFacts.windowFrom(this.today, WINDOW_MONTHS);
		order("EDGE-before", "EDGE", windowFrom.minusDays(1).atTime(23, 59, 59), 300, 30);
		order("EDGE-first", "EDGE", windowFrom.atStartOfDay(), 200, 20);
		order("EDGE-late", "EDGE", this.today.minusDays(30).atTime(23, 59, 59), 100, 10);
		order("EDGE-early", "EDGE", this.today.minusDays(29).atTime(0, 0, 1), 50, 5);
		order("EDGE-early-return", "EDGE", this.today.minusDays(40).atTime(0, 0, 1), -20, -2);
		this.jdbc.update("update customers set status = 'MERGED' where code = 'GONE'");
	}

	@AfterEach
	void forgetKeptFacts() {
		this.data.clear();
	}

	@Test
	void aRunAsOfTodayReadsTheKeptFactsAndGetsTheSameFactsAndTiersAsFromTheOrders() {
		assertThat(this.kept.read(this.today, WINDOW_MONTHS)).as("nothing kept before a rebuild").isNull();
		assertThat(this.window.step(this.today)).isEqualTo(KeptFactsWindow.Step.REBUILT);
		assertKeptFactsEqualTheOrders();

		SegmentationRun fromKept = this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null));
		this.transactions.executeWithoutResult((status) -> this.orderFacts.markStale());
		assertThat(this.kept.read(this.today, WINDOW_MONTHS)).as("stale").isNull();
		SegmentationRun fromOrders = this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null));

		assertThat(fromKept.getStatus()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(fromOrders.getStatus()).isEqualTo(RunStatus.SUCCEEDED);
		List<Map<String, Object>> keptRows = segments(fromKept.getId());
		List<Map<String, Object>> orderRows = segments(fromOrders.getId());
		assertThat(keptRows).hasSize(15 - 1);
		for (int i = 0; i < keptRows.size(); i++) {
			Map<String, Object> a = keptRows.get(i);
			Map<String, Object> b = orderRows.get(i);
			assertThat(a.keySet()).isEqualTo(b.keySet());
			for (String column : a.keySet()) {
				if (a.get(column) instanceof Double x && b.get(column) instanceof Double y) {
					assertThat(x).as(column).isCloseTo(y, within(1e-6 * Math.max(1, Math.abs(y))));
				}
				else if (!column.equals("run_id")) {
					assertThat(a.get(column)).as(column + " of " + a.get("customer_id")).isEqualTo(b.get(column));
				}
			}
		}
	}

	@Test
	void aRunReadsTheOrdersAsOfAPastDateOrWhenAnOrderLiesAfterToday() {
		this.window.step(this.today);
		assertThat(this.kept.read(this.today.minusDays(1), WINDOW_MONTHS)).isNull();
		assertThat(this.kept.read(this.today, 0)).as("another window").isNull();
		this.orders.record(input("K05", this.today.plusDays(1).atTime(LocalTime.of(0, 30)), "10"), admin());
		assertThat(this.kept.read(this.today, WINDOW_MONTHS)).isNull();
	}

	@Test
	void theKeptFactsFollowOrdersRecordedChangedAndCancelled() {
		this.window.step(this.today);
		AccessScope admin = admin();
		ScopedOrder recorded = this.orders.record(input("NONE", this.today.minusDays(3).atTime(10, 0), "123.45"),
				admin);
		this.orders.record(input("K04", this.today.minusDays(400).atTime(10, 0), "77"), admin);
		ScopedOrder moved = this.orders.record(input("K06", this.today.minusDays(4).atTime(10, 0), "88"), admin);
		assertKeptFactsEqualTheOrders();

		this.orders.change(recorded.order().getId(), recorded.order().getVersion(),
				input("NONE", this.today.minusDays(2).atTime(10, 0), "99"), admin);
		// Moved to another customer and day: both customers change.
		this.orders.change(moved.order().getId(), moved.order().getVersion(),
				input("K07", this.today.minusDays(700).atTime(10, 0), "88"), admin);
		assertKeptFactsEqualTheOrders();

		long sameDay = this.jdbc.queryForObject("select id from sales_orders where order_no = 'K01-sameday'",
				Long.class);
		long first = this.jdbc.queryForObject("select id from sales_orders where order_no = 'K01-first-sameday'",
				Long.class);
		this.orders.cancel(sameDay, null, admin);
		this.orders.cancel(first, null, admin);
		this.orders.cancel(recorded.order().getId(), null, admin);
		assertKeptFactsEqualTheOrders();
	}

	@Test
	void theKeptFactsFollowAMergeOfCustomers() {
		this.window.step(this.today);
		long user = user();
		this.customers.merge("K02", "K03", user, AccessScope.all(user));
		assertKeptFactsEqualTheOrders();
		assertThat(this.jdbc.queryForObject("select count(*) from customer_order_facts f join customers c"
				+ " on c.id = f.customer_id where c.code = 'K02'", Long.class))
			.isZero();
	}

	@Test
	void aWriterThatDoesNotKeepTheFactsMakesRunsReadTheOrders() {
		this.window.step(this.today);
		this.data.order("K09-plain", "K09", this.today.minusDays(1), 5, 1, "COMPLETED");
		assertThat(this.kept.read(this.today, WINDOW_MONTHS)).as("still current, so stale").isNotNull();
		this.transactions.executeWithoutResult((status) -> this.orderFacts.markStale());
		assertThat(this.kept.read(this.today, WINDOW_MONTHS)).isNull();
		assertThat(this.window.step(this.today)).isEqualTo(KeptFactsWindow.Step.REBUILT);
		assertKeptFactsEqualTheOrders();
	}

	@Test
	void theDailyStepMovesTheWindowAndRebuildsWhenItsLengthChanged() {
		assertThat(this.window.step(this.today.minusDays(45))).isEqualTo(KeptFactsWindow.Step.REBUILT);
		assertThat(this.window.step(this.today.minusDays(45))).isEqualTo(KeptFactsWindow.Step.UNCHANGED);
		assertThat(this.kept.read(this.today, WINDOW_MONTHS)).as("window of 45 days ago").isNull();

		assertThat(this.window.step(this.today)).isEqualTo(KeptFactsWindow.Step.SLID);
		assertKeptFactsEqualTheOrders();

		SegmentationSettings settings = this.configs.current().settings();
		this.configs.save(new SegmentationSettings(settings.abc(), 3, settings.rfm(), settings.clv(),
				settings.tierModel(), settings.downgradeAfterRuns(), settings.models()), null);
		assertThat(this.window.step(this.today)).isEqualTo(KeptFactsWindow.Step.REBUILT);
		assertFactsEqual(this.kept.read(this.today, 3), this.reader.readOrders(this.today, 3));
	}

	private void assertKeptFactsEqualTheOrders() {
		assertFactsEqual(this.kept.read(this.today, WINDOW_MONTHS), this.reader.readOrders(this.today, WINDOW_MONTHS));
	}

	private static void assertFactsEqual(List<CustomerFacts> kept, List<CustomerFacts> folded) {
		assertThat(kept).as("kept facts current").isNotNull();
		assertThat(kept).extracting(CustomerFacts::customerId)
			.containsExactlyElementsOf(folded.stream().map(CustomerFacts::customerId).toList());
		for (int i = 0; i < kept.size(); i++) {
			CustomerFacts a = kept.get(i);
			CustomerFacts b = folded.get(i);
			String who = "customer " + b.customerId();
			assertThat(a.completedOrders()).as(who).isEqualTo(b.completedOrders());
			assertThat(a.purchaseDays()).as(who).isEqualTo(b.purchaseDays());
			assertThat(a.recencyDays()).as(who).isEqualTo(b.recencyDays());
			assertThat(a.daysFirstToLastPurchase()).as(who).isEqualTo(b.daysFirstToLastPurchase());
			assertThat(a.daysFirstPurchaseToAsOf()).as(who).isEqualTo(b.daysFirstPurchaseToAsOf());
			assertThat(a.windowRevenue()).as(who).isCloseTo(b.windowRevenue(), within(1e-6));
			assertThat(a.windowGrossProfit()).as(who).isCloseTo(b.windowGrossProfit(), within(1e-6));
			assertThat(a.totalRevenue()).as(who).isCloseTo(b.totalRevenue(), within(1e-6));
			assertThat(a.totalGrossProfit()).as(who).isCloseTo(b.totalGrossProfit(), within(1e-6));
			assertThat(a.repeatDaysSpend()).as(who).isCloseTo(b.repeatDaysSpend(), within(1e-6));
		}
	}

	private List<Map<String, Object>> segments(long runId) {
		return this.jdbc.queryForList("select * from customer_segments where run_id = ? order by customer_id", runId);
	}

	private void order(String orderNo, String customerCode, java.time.LocalDateTime local, double amount,
			double profit) {
		this.jdbc.update(
				"insert into sales_orders (order_no, customer_id, ordered_at, amount, gross_profit, status)"
						+ " select ?, id, ?, ?, ?, 'COMPLETED' from customers where code = ?",
				orderNo, Timestamp.from(local.atZone(TestData.ZONE).toInstant()), amount, profit, customerCode);
	}

	private static OrderInput input(String customer, java.time.LocalDateTime local, String amount) {
		Instant at = local.atZone(TestData.ZONE).toInstant();
		return new OrderInput(customer, null, at, amount, "1", null, null, false);
	}

	private AccessScope admin() {
		return AccessScope.all(user());
	}

	private long user() {
		String name = "kf-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.update("insert into users (username, display_name, password_hash, role, enabled, created_at)"
				+ " values (?, ?, '{noop}x', 'ADMIN', true, current_timestamp)", name, name);
		return this.jdbc.queryForObject("select id from users where username = ?", Long.class, name);
	}

}
