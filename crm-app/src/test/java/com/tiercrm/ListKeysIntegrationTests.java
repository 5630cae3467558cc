package com.tiercrm;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.account.AccessScope;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerDetails;
import com.tiercrm.customer.CustomerManagement;
import com.tiercrm.customer.CustomerType;
import com.tiercrm.ownership.CustomerReassignments;
import com.tiercrm.tiering.list.AliveBand;
import com.tiercrm.tiering.list.ListTotal;
import com.tiercrm.tiering.list.RunListKeys;
import com.tiercrm.tiering.list.TieredCriteria;
import com.tiercrm.tiering.list.TieredCustomer;
import com.tiercrm.tiering.list.TieredCustomerSearch;
import com.tiercrm.tiering.list.TieredPage;
import com.tiercrm.tiering.list.TieredSort;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rep's list sorted by a result read from {@code list_keys} gives the same pages
 * (forward to the last and back to the first), totals and exports as the same list read
 * over the customers and the run's rows, for every sort by a result, with and without a
 * filter by tier, class or probability-alive band, for the rep, the rep's manager and an
 * admin picking the rep; after publication, a reassignment, a new customer, a merge and a
 * new run. Subclasses pick the database.
 */
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ListKeysIntegrationTests {

	/** Several pages of {@link #PAGE} for the rep, with many ties in every sort key. */
	private static final int CUSTOMERS = 97;

	private static final int PAGE = 12;

	private static final List<TieredSort> SORTS = List.of(TieredSort.MONETARY_DESC, TieredSort.RECENCY_ASC,
			TieredSort.CLV_DESC);

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private TieredCustomerSearch search;

	@Autowired
	private RunListKeys keys;

	@Autowired
	private SegmentationRuns runs;

	@Autowired
	private CustomerReassignments reassignments;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private JdbcTemplate jdbc;

	private final String prefix = "LKK" + UUID.randomUUID().toString().substring(0, 6);

	private SalesTeam team;

	private final List<Customer> mine = new ArrayList<>();

	@BeforeAll
	void customersWithOrdersAndARun() {
		this.team = this.fixture.create(this.prefix, "list-keys-secret");
		Instant now = Instant.now();
		for (int i = 0; i < CUSTOMERS; i++) {
			Customer customer = this.fixture.customer(this.prefix, "C%03d".formatted(i), "客户 %03d".formatted(i),
					this.team.rep());
			this.mine.add(customer);
			// Every third never bought (no spend, no recency); the others in a few
			// amounts
			// and days, so that each sort has ties broken by id.
			for (int n = 0; n < i % 3; n++) {
				this.jdbc.update(
						"insert into sales_orders (order_no, customer_id, ordered_at, amount, gross_profit, status)"
								+ " values (?, ?, ?, ?, 10, 'COMPLETED')",
						this.prefix + "-o" + i + "-" + n, customer.getId(),
						Timestamp.from(now.minus((i % 9) * 20L + n * 45L, ChronoUnit.DAYS)), (i % 5) * 1000 + 50);
			}
		}
		for (int i = 0; i < 7; i++) {
			this.fixture.customer(this.prefix, "D%03d".formatted(i), "对方客户 " + i, this.team.otherRep());
		}
		run();
	}

	@Test
	void everySortAndFilterReadsTheSameFromTheKeysAsFromTheRunsRows() {
		long rep = this.team.rep().getId();
		List<Reading> readings = sameForEveryListOf(rep);
		Reading bySpend = readings.getFirst();
		long inRun = this.jdbc.queryForObject("select count(*) from customers c join customer_segments s"
				+ " on s.customer_id = c.id join segmentation_state st on st.id = 1 and st.published_run_id = s.run_id"
				+ " where c.owner_id = ? and c.status <> 'MERGED'", Long.class, rep);
		assertThat(inRun).isGreaterThan(CUSTOMERS - 5L);
		assertThat(bySpend.rows()).hasSize((int) inRun);
		assertThat(bySpend.total()).isEqualTo(new ListTotal(inRun, true));
		// Ties of spend are broken by id, highest first.
		assertThat(bySpend.rows()).extracting(TieredCustomer::monetary).isSortedAccordingTo((a, b) -> b.compareTo(a));
		sameForEveryListOf(this.team.otherRep().getId());
	}

	@Test
	void theListReadsTheKeysWhileTheyHoldThePublishedRun() {
		long rep = this.team.rep().getId();
		TieredCriteria bySpend = criteria(null, TieredSort.MONETARY_DESC, null, null);
		TieredCustomer top = sameBothWays(bySpend, AccessScope.own(rep)).rows().getFirst();
		// A key that says otherwise than the run's rows (which the writers never leave)
		// shows that the page's customers are picked from the keys.
		this.jdbc.update("update list_keys set monetary = -1 where customer_id = ?", top.id());
		try {
			assertThat(this.search.search(bySpend, AccessScope.own(rep)).items()).extracting(TieredCustomer::id)
				.doesNotContain(top.id());
			assertThat(slowly(() -> this.search.search(bySpend, AccessScope.own(rep))).items().getFirst())
				.isEqualTo(top);
		}
		finally {
			this.jdbc.update("update list_keys set monetary = (select s.monetary from customer_segments s"
					+ " join segmentation_state st on st.id = 1 and st.published_run_id = s.run_id"
					+ " where s.customer_id = list_keys.customer_id) where customer_id = ?", top.id());
		}
		sameBothWays(bySpend, AccessScope.own(rep));
	}

	@Test
	void aReassignmentMovesTheCustomerBetweenTheRepsListsAtOnce() {
		long rep = this.team.rep().getId();
		long other = this.team.otherRep().getId();
		TieredCriteria bySpend = criteria(null, TieredSort.MONETARY_DESC, null, null);
		Reading mineBefore = sameBothWays(bySpend, AccessScope.own(rep));
		Reading theirsBefore = sameBothWays(bySpend, AccessScope.own(other));
		TieredCustomer moved = mineBefore.rows().get(5);
		this.reassignments.reassignOne(moved.code(), other, AccessScope.team(this.team.manager().getId()));
		Reading mineAfter = sameBothWays(bySpend, AccessScope.own(rep));
		Reading theirsAfter = sameBothWays(bySpend, AccessScope.own(other));
		assertThat(mineAfter.rows()).hasSize(mineBefore.rows().size() - 1)
			.extracting(TieredCustomer::id)
			.doesNotContain(moved.id());
		assertThat(theirsAfter.rows()).hasSize(theirsBefore.rows().size() + 1)
			.extracting(TieredCustomer::id)
			.contains(moved.id());
		sameForEveryListOf(rep);
		sameForEveryListOf(other);
	}

	@Test
	void aNewCustomerAndAMergeCountAtOnceAndANewRunListsTheNewCustomer() {
		long rep = this.team.rep().getId();
		AccessScope own = AccessScope.own(rep);
		TieredCriteria byRecency = criteria(null, TieredSort.RECENCY_ASC, null, null);
		Reading before = sameBothWays(byRecency, own);
		Customer added = this.customers.create(null, details("新客户"), true, rep, own);
		// Not in the published run: not in a list sorted by its results.
		assertThat(sameBothWays(byRecency, own).rows()).isEqualTo(before.rows());
		Customer gone = this.mine.get(10);
		this.customers.merge(gone.getCode(), this.mine.get(11).getCode(), this.team.manager().getId(),
				AccessScope.team(this.team.manager().getId()));
		Reading merged = sameBothWays(byRecency, own);
		assertThat(merged.rows()).hasSize(before.rows().size() - 1)
			.extracting(TieredCustomer::id)
			.doesNotContain(gone.getId());

		run();
		Reading after = sameBothWays(byRecency, own);
		assertThat(after.rows()).extracting(TieredCustomer::id).contains(added.getId()).doesNotContain(gone.getId());
		sameForEveryListOf(rep);
	}

	/**
	 * Every sort by a result, alone and with each filter the published run offers for the
	 * owner, for the owner, the owner's manager and an admin picking the owner.
	 */
	private List<Reading> sameForEveryListOf(long owner) {
		List<Reading> readings = new ArrayList<>();
		List<Map<String, Object>> filters = this.jdbc.queryForList("select distinct s.tier, s.abc_class,"
				+ " s.rfm_segment, s.clv_class from customer_segments s join segmentation_state st on st.id = 1"
				+ " and st.published_run_id = s.run_id join customers c on c.id = s.customer_id where c.owner_id = ?",
				owner);
		assertThat(filters).isNotEmpty();
		Map<String, Object> some = filters.getFirst();
		for (TieredSort sort : SORTS) {
			TieredCriteria all = criteria(null, sort, null, null);
			readings.add(sameBothWays(all, AccessScope.own(owner)));
			sameBothWays(criteria(owner, sort, null, null), AccessScope.team(this.team.manager().getId()));
			sameBothWays(criteria(owner, sort, null, null), AccessScope.all(this.team.manager().getId()));
			for (Map<String, Object> filter : filters) {
				sameBothWays(criteria(null, sort, (String) filter.get("tier"), null), AccessScope.own(owner));
			}
			sameBothWays(new TieredCriteria(null, null, null, null, null, (String) some.get("abc_class"),
					(String) some.get("rfm_segment"), null, null, sort, null, PAGE), AccessScope.own(owner));
			sameBothWays(new TieredCriteria(null, owner, null, null, null, null, null, (String) some.get("clv_class"),
					null, sort, null, PAGE), AccessScope.team(this.team.manager().getId()));
			for (AliveBand band : AliveBand.values()) {
				sameBothWays(criteria(null, sort, null, band), AccessScope.own(owner));
			}
		}
		return readings;
	}

	/**
	 * Every page forward to the last and back to the first, the total and the export,
	 * from the keys and over the run's rows: the same.
	 */
	private Reading sameBothWays(TieredCriteria criteria, AccessScope scope) {
		assertThat(this.keys.currentRunId()).isNotNull();
		Reading keyed = read(criteria, scope);
		Reading slow = slowly(() -> read(criteria, scope));
		assertThat(keyed).as("%s %s", criteria, scope).isEqualTo(slow);
		return keyed;
	}

	private Reading read(TieredCriteria first, AccessScope scope) {
		List<TieredPage> pages = new ArrayList<>();
		List<TieredCustomer> rows = new ArrayList<>();
		TieredPage page = this.search.search(first, scope);
		pages.add(page);
		rows.addAll(page.items());
		while (page.next() != null) {
			page = this.search.search(first.at(page.next()), scope);
			pages.add(page);
			rows.addAll(page.items());
		}
		while (page.previous() != null) {
			page = this.search.search(first.at(page.previous()), scope);
			pages.add(page);
		}
		List<TieredCustomer> exported = new ArrayList<>();
		this.search.forEach(first, scope, exported::add);
		assertThat(exported).isEqualTo(rows);
		return new Reading(pages, rows, this.search.total(first, scope));
	}

	/** What the list shows while the keys do not hold the published run. */
	private <T> T slowly(Supplier<T> read) {
		Long run = this.jdbc.queryForObject("select run_id from list_key_state where id = 1", Long.class);
		this.jdbc.update("update list_key_state set run_id = null where id = 1");
		try {
			assertThat(this.keys.currentRunId()).isNull();
			return read.get();
		}
		finally {
			this.jdbc.update("update list_key_state set run_id = ? where id = 1", run);
		}
	}

	/** A run, and the keys written from it in the background. */
	private void run() {
		SegmentationRun run = this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null));
		assertThat(run.getStatus()).as(run.getFailureCode()).isEqualTo(RunStatus.SUCCEEDED);
		Long runId = run.getId();
		Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> Objects.equals(runId, this.keys.currentRunId()));
	}

	private static TieredCriteria criteria(@Nullable Long owner, TieredSort sort, @Nullable String tier,
			@Nullable AliveBand alive) {
		return new TieredCriteria(null, owner, null, null, tier, null, null, null, alive, sort, null, PAGE);
	}

	private static CustomerDetails details(String name) {
		return new CustomerDetails(name, CustomerType.ENTERPRISE, null, null, "上海", "上海", "EAST", null, null, null,
				null, null, null, null);
	}

	/** Every page read, the rows of the forward pages, and the total. */
	private record Reading(List<TieredPage> pages, List<TieredCustomer> rows, ListTotal total) {

	}

}
