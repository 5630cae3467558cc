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
import com.tiercrm.book.BookEntry;
import com.tiercrm.book.RepBook;
import com.tiercrm.book.RepBooks;
import com.tiercrm.book.RunBookKeys;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerDetails;
import com.tiercrm.customer.CustomerManagement;
import com.tiercrm.customer.CustomerType;
import com.tiercrm.interaction.InteractionLog;
import com.tiercrm.interaction.InteractionType;
import com.tiercrm.ownership.CustomerReassignments;
import com.tiercrm.policy.PolicyTerms;
import com.tiercrm.policy.TierPolicies;
import com.tiercrm.policy.TierPolicy;
import com.tiercrm.tiering.run.CustomerTiers;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import com.tiercrm.today.Today;
import com.tiercrm.today.TodayAgenda;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The book read from {@code book_keys} gives the same pages, totals and overdue counts as
 * the same book read over the customers and the run's rows, after each kind of change:
 * publication, a contact logged, a reassignment, a cadence changed, a new customer, a new
 * name, a merge, a new run. Subclasses pick the database.
 */
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BookKeysIntegrationTests {

	/** More than two pages of customers for the rep. */
	private static final int CUSTOMERS = 2 * RepBooks.PAGE_SIZE + 7;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private RepBooks books;

	@Autowired
	private RunBookKeys keys;

	@Autowired
	private TodayAgenda today;

	@Autowired
	private SegmentationRuns runs;

	@Autowired
	private CustomerTiers tiers;

	@Autowired
	private InteractionLog contacts;

	@Autowired
	private CustomerReassignments reassignments;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private TierPolicies policies;

	@Autowired
	private JdbcTemplate jdbc;

	private final String prefix = "BKK" + UUID.randomUUID().toString().substring(0, 6);

	private SalesTeam team;

	private final List<Customer> mine = new ArrayList<>();

	@BeforeAll
	void customersWithOrdersAndContactsAndARun() {
		this.team = this.fixture.create(this.prefix, "book-keys-secret");
		Instant now = Instant.now();
		for (int i = 0; i < CUSTOMERS; i++) {
			Customer customer = this.fixture.customer(this.prefix, "C%03d".formatted(i),
					"客户 %03d".formatted((i * 37) % CUSTOMERS), this.team.rep());
			this.mine.add(customer);
			if (i % 3 != 0) {
				this.jdbc.update(
						"insert into sales_orders (order_no, customer_id, ordered_at, amount, gross_profit, status)"
								+ " values (?, ?, ?, ?, 10, 'COMPLETED')",
						this.prefix + "-o" + i, customer.getId(), Timestamp.from(now.minus(i % 40, ChronoUnit.DAYS)),
						(i % 7) * 1000 + 50);
			}
			// Every fifth never contacted; the others from today to almost a year ago.
			if (i % 5 != 0) {
				this.fixture.interaction(customer, now.minus((i * 11L) % 360, ChronoUnit.DAYS), null);
			}
		}
		for (int i = 0; i < 5; i++) {
			this.fixture.customer(this.prefix, "D%03d".formatted(i), "对方客户 " + i, this.team.otherRep());
		}
		run();
	}

	@Test
	void readsTheKeysOnceTheRunIsPublishedAndMatchesTheRunsRows() {
		assertThat(this.keys.state().current()).isTrue();
		RepBook first = sameBothWays(this.team.rep().getId());
		assertThat(first.total()).isEqualTo(
				this.jdbc.queryForObject("select count(*) from customers where owner_id = ? and status <> 'MERGED'",
						Long.class, this.team.rep().getId()));
		assertThat(first.overdueCount()).isPositive().isLessThan(CUSTOMERS);
		assertThat(first.overdue()).isNotEmpty();
		// Within each tier's overdue customers, those never contacted come first.
		List<BookEntry> overdue = allEntries(this.team.rep().getId()).stream()
			.filter((entry) -> entry.contact().overdue())
			.toList();
		assertThat(overdue).hasSize((int) first.overdueCount())
			.anySatisfy((entry) -> assertThat(entry.contact().neverContacted()).isTrue());
		for (int i = 1; i < overdue.size(); i++) {
			if (Objects.equals(overdue.get(i).tier(), overdue.get(i - 1).tier())
					&& overdue.get(i).contact().neverContacted()) {
				assertThat(overdue.get(i - 1).contact().neverContacted()).as(overdue.get(i).code()).isTrue();
			}
		}
		sameBothWays(this.team.otherRep().getId());
		sameWorkloadsBothWays();
		sameTodayBothWays();
	}

	@Test
	void aContactLoggedMovesTheCustomerOutOfOverdue() {
		long rep = this.team.rep().getId();
		RepBook before = sameBothWays(rep);
		BookEntry late = before.overdue().getLast();
		this.contacts.log(late.code(), InteractionType.VISIT, null, null, rep, AccessScope.own(rep));
		RepBook after = sameBothWays(rep);
		assertThat(after.overdueCount()).isEqualTo(before.overdueCount() - 1);
		assertThat(allEntries(rep)).filteredOn((entry) -> entry.code().equals(late.code()))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.contact().overdue()).isFalse());
	}

	@Test
	void aReassignmentMovesTheCustomerBetweenBooks() {
		long rep = this.team.rep().getId();
		long other = this.team.otherRep().getId();
		RepBook mineBefore = sameBothWays(rep);
		RepBook theirsBefore = sameBothWays(other);
		String code = mineBefore.entries().get(3).code();
		this.reassignments.reassignOne(code, other, AccessScope.team(this.team.manager().getId()));
		assertThat(sameBothWays(rep).total()).isEqualTo(mineBefore.total() - 1);
		assertThat(sameBothWays(other).total()).isEqualTo(theirsBefore.total() + 1);
		assertThat(allEntries(other)).extracting(BookEntry::code).contains(code);
		assertThat(allEntries(rep)).extracting(BookEntry::code).doesNotContain(code);
	}

	@Test
	void aCadenceChangeCountsAtOnce() {
		long rep = this.team.rep().getId();
		RepBook before = sameBothWays(rep);
		String tier = allEntries(rep).stream()
			.filter((entry) -> entry.tier() != null && entry.contact().lastContact() != null
					&& !entry.contact().overdue())
			.map(BookEntry::tier)
			.findFirst()
			.orElseThrow();
		TierPolicy policy = this.policies.find(tier);
		PolicyTerms terms = policy.current().terms();
		try {
			// A day: whoever of that tier was contacted before yesterday is overdue now.
			this.policies.save(tier, policy.version(), cadence(terms, 1), "test");
			RepBook daily = sameBothWays(rep);
			assertThat(daily.overdueCount()).isGreaterThan(before.overdueCount());
			// Ten years: only those never contacted.
			this.policies.save(tier, policy.version() + 1, cadence(terms, 3650), "test");
			RepBook rarely = sameBothWays(rep);
			assertThat(allEntries(rep)).filteredOn((entry) -> tier.equals(entry.tier()))
				.allSatisfy((entry) -> assertThat(entry.contact().overdue())
					.isEqualTo(entry.contact().lastContact() == null));
			assertThat(rarely.overdueCount()).isLessThan(daily.overdueCount());
		}
		finally {
			this.policies.save(tier, this.policies.find(tier).version(), terms, "test");
		}
		assertThat(sameBothWays(rep).overdueCount()).isEqualTo(before.overdueCount());
	}

	@Test
	void newCustomersNamesAndMergesCountAtOnceAndANewRunTiersThem() {
		long rep = this.team.rep().getId();
		AccessScope own = AccessScope.own(rep);
		RepBook before = sameBothWays(rep);
		Customer added = this.customers.create(null, details("阿新客户"), true, rep, own);
		RepBook withNew = sameBothWays(rep);
		assertThat(withNew.total()).isEqualTo(before.total() + 1);
		BookEntry last = lastEntry(rep);
		assertThat(last.code()).isEqualTo(added.getCode());
		assertThat(last.tier()).isNull();

		Customer renamed = this.mine.get(7);
		Customer stored = this.customers.update(renamed.getCode(), details("啊 first by name"),
				this.jdbc.queryForObject("select version from customers where id = ?", Long.class, renamed.getId()),
				rep, own);
		assertThat(allEntries(rep)).filteredOn((entry) -> entry.customerId() == stored.getId())
			.singleElement()
			.satisfies((entry) -> assertThat(entry.name()).isEqualTo("啊 first by name"));
		sameBothWays(rep);

		Customer gone = this.mine.get(8);
		this.customers.merge(gone.getCode(), this.mine.get(9).getCode(), this.team.manager().getId(),
				AccessScope.team(this.team.manager().getId()));
		assertThat(sameBothWays(rep).total()).isEqualTo(withNew.total() - 1);
		assertThat(allEntries(rep)).extracting(BookEntry::code).doesNotContain(gone.getCode());

		run();
		assertThat(this.keys.state().current()).isTrue();
		sameBothWays(rep);
		for (BookEntry entry : allEntries(rep)) {
			assertThat(entry.tier()).as(entry.code())
				.isEqualTo(this.tiers.current(entry.customerId()).map((tiered) -> tiered.tier()).orElse(null));
		}
		assertThat(allEntries(rep)).filteredOn((entry) -> entry.code().equals(added.getCode()))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.tier()).isNotNull());
		sameTodayBothWays();
	}

	/** Every page of the book, read from the keys and over the run's rows: the same. */
	private RepBook sameBothWays(long rep) {
		assertThat(this.keys.state().current()).isTrue();
		AccessScope scope = AccessScope.own(rep);
		List<RepBook> keyed = pages(rep, scope);
		List<RepBook> slow = slowly(() -> pages(rep, scope));
		assertThat(keyed).isEqualTo(slow);
		return keyed.getFirst();
	}

	private List<RepBook> pages(long rep, AccessScope scope) {
		List<RepBook> pages = new ArrayList<>();
		RepBook page = this.books.book(rep, scope, 1);
		pages.add(page);
		for (int n = 2; n <= page.pages(); n++) {
			pages.add(this.books.book(rep, scope, n));
		}
		// One past the last shows the last.
		pages.add(this.books.book(rep, scope, page.pages() + 1));
		return pages;
	}

	private void sameWorkloadsBothWays() {
		AccessScope scope = AccessScope.team(this.team.manager().getId());
		assertThat(this.books.workloads(scope)).isEqualTo(slowly(() -> this.books.workloads(scope))).hasSize(2);
	}

	private void sameTodayBothWays() {
		long rep = this.team.rep().getId();
		Instant end = Instant.now().plus(1, ChronoUnit.DAYS);
		Today keyed = this.today.today(rep, AccessScope.own(rep), end, 10);
		Today slow = slowly(() -> this.today.today(rep, AccessScope.own(rep), end, 10));
		assertThat(keyed.overdueContacts()).isEqualTo(slow.overdueContacts());
		assertThat(keyed.overdueContactCount()).isEqualTo(slow.overdueContactCount());
		assertThat(keyed.fellBelow()).isEqualTo(slow.fellBelow());
	}

	/** What the pages show while the keys do not hold the published run. */
	private <T> T slowly(Supplier<T> read) {
		Map<String, Object> state = this.jdbc.queryForMap("select run_id from book_key_state where id = 1");
		this.jdbc.update("update book_key_state set run_id = null where id = 1");
		try {
			assertThat(this.keys.state().current()).isFalse();
			return read.get();
		}
		finally {
			this.jdbc.update("update book_key_state set run_id = ? where id = 1", state.get("run_id"));
		}
	}

	private List<BookEntry> allEntries(long rep) {
		return pages(rep, AccessScope.own(rep)).stream().flatMap((page) -> page.entries().stream()).distinct().toList();
	}

	private BookEntry lastEntry(long rep) {
		List<RepBook> pages = pages(rep, AccessScope.own(rep));
		return pages.getLast().entries().getLast();
	}

	/** A run, and its keys: written at once, or in the background where configured. */
	private void run() {
		SegmentationRun run = this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null));
		assertThat(run.getStatus()).as(run.getFailureCode()).isEqualTo(RunStatus.SUCCEEDED);
		await().atMost(Duration.ofMinutes(2)).until(() -> this.keys.state().current());
	}

	private static PolicyTerms cadence(PolicyTerms terms, int days) {
		return new PolicyTerms(terms.discountPercent(), terms.creditLimit(), terms.paymentTermsDays(),
				terms.responseSlaHours(), days, terms.dedicatedAccountManager(), terms.preferredChannels(),
				terms.perks());
	}

	private static CustomerDetails details(String name) {
		return new CustomerDetails(name, CustomerType.ENTERPRISE, null, null, "上海", "上海", "EAST", null, null, null,
				null, null, null, null);
	}

}
