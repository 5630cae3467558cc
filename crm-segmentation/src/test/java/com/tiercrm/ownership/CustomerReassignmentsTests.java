package com.tiercrm.ownership;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.tiercrm.account.AccessScope;
import com.tiercrm.tiering.insight.RunDashboards;
import com.tiercrm.tiering.list.TieredCriteria;
import com.tiercrm.tiering.list.TieredSort;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRuns;
import com.tiercrm.tiering.run.TestData;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reassignments are set-based statements within the reassigning user's scope, and each
 * leaves one history row per customer it moved with the owner it had. Subclasses pick the
 * database.
 */
abstract class CustomerReassignmentsTests {

	static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

	@Autowired
	CustomerReassignments reassignments;

	@Autowired
	SegmentationRuns runs;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RunDashboards dashboards;

	String prefix;

	long admin;

	long manager;

	long rep;

	long otherRep;

	long outsider;

	long disabled;

	@BeforeEach
	void createTeamsAndCustomers() {
		new TestData(this.jdbc).clear();
		this.prefix = "R" + UUID.randomUUID().toString().substring(0, 8);
		this.admin = user("adm", "ADMIN", null, true);
		this.manager = user("mgr", "MANAGER", null, true);
		this.jdbc.update("insert into teams (name, manager_id) values (?, ?)", this.prefix, this.manager);
		long team = this.jdbc.queryForObject("select id from teams where name = ?", Long.class, this.prefix);
		this.rep = user("rep", "SALES_REP", team, true);
		this.otherRep = user("rep2", "SALES_REP", team, true);
		this.disabled = user("gone", "SALES_REP", team, false);
		this.outsider = user("out", "SALES_REP", null, true);
		TestData data = new TestData(this.jdbc);
		List<String> codes = new ArrayList<>();
		for (int i = 1; i <= 30; i++) {
			codes.add("C%02d".formatted(i));
		}
		data.customers(codes);
		// C01-C20 are the rep's, C21-C25 the other rep's, C26-C30 the outsider's; the odd
		// ones are in the east.
		this.jdbc.update("update customers set owner_id = ? where code <= 'C20'", this.rep);
		this.jdbc.update("update customers set owner_id = ? where code between 'C21' and 'C25'", this.otherRep);
		this.jdbc.update("update customers set owner_id = ? where code >= 'C26'", this.outsider);
		this.jdbc.update("update customers set region = 'EAST' where mod(cast(substring(code, 2) as int), 2) = 1");
		for (int i = 1; i <= 10; i++) {
			data.order("O" + i, "C%02d".formatted(i), AS_OF.minusDays(i), 1000.0 * i, 100, "COMPLETED");
		}
	}

	@Test
	void anAdminReassignsEveryCustomerOfAFilterAndEachKeepsItsPreviousOwner() {
		Map<String, Object> before = this.jdbc
			.queryForMap("select version, updated_at from customers where code = 'C03'");
		Reassignment done = this.reassignments.reassignMatching(criteria(null, "EAST"), this.otherRep,
				AccessScope.all(this.admin));
		// Fifteen customers are in the east; C21, C23 and C25 already were the other
		// rep's.
		assertThat(done.customers()).isEqualTo(12);
		assertThat(done.toOwnerName()).isEqualTo(this.prefix + "-rep2");
		assertThat(this.jdbc.queryForObject("select count(*) from customers where region = 'EAST' and owner_id = ?",
				Integer.class, this.otherRep))
			.isEqualTo(15);
		assertThat(
				this.jdbc.queryForObject("select count(*) from customers where owner_id = ?", Integer.class, this.rep))
			.isEqualTo(10);
		assertThat(this.jdbc.queryForObject("select customers from customer_reassignments where id = ?", Integer.class,
				done.id()))
			.isEqualTo(12);
		assertThat(this.jdbc.queryForList(
				"select i.from_owner_id from customer_reassignment_items i"
						+ " join customers c on c.id = i.customer_id where i.reassignment_id = ? order by c.code",
				Long.class, done.id()))
			.containsExactly(this.rep, this.rep, this.rep, this.rep, this.rep, this.rep, this.rep, this.rep, this.rep,
					this.rep, this.outsider, this.outsider);
		Map<String, Object> after = this.jdbc
			.queryForMap("select version, updated_at from customers where code = 'C03'");
		assertThat(((Number) after.get("version")).longValue())
			.isEqualTo(((Number) before.get("version")).longValue() + 1);

		List<OwnershipChange> history = this.reassignments.history("C03", AccessScope.all(this.admin));
		assertThat(history).singleElement().satisfies((change) -> {
			assertThat(change.fromName()).isEqualTo(this.prefix + "-rep");
			assertThat(change.toName()).isEqualTo(this.prefix + "-rep2");
			assertThat(change.byName()).isEqualTo(this.prefix + "-adm");
			assertThat(change.selection()).isEqualTo(Selection.FILTER);
			assertThat(change.customers()).isEqualTo(12);
		});
	}

	@Test
	void aFilterByTierMovesTheCustomersOfThatTierInThePublishedRun() {
		assertThat(this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null)).getStatus())
			.isEqualTo(RunStatus.SUCCEEDED);
		TieredCriteria buyersOfTierA = new TieredCriteria(null, this.rep, null, null, "ABC:A", null, null, null, null,
				TieredSort.NAME_ASC, null, 25);
		long expected = this.jdbc.queryForObject(
				"select count(*) from customer_segments s join customers c on c.id = s.customer_id"
						+ " where s.run_id = (select published_run_id from segmentation_state) and s.tier = 'ABC:A'",
				Long.class);
		assertThat(expected).isPositive();
		assertThat(this.reassignments.countMatching(buyersOfTierA, AccessScope.team(this.manager))).isEqualTo(expected);
		Reassignment done = this.reassignments.reassignMatching(buyersOfTierA, this.manager,
				AccessScope.team(this.manager));
		assertThat(done.customers()).isEqualTo(expected);
		assertThat(this.jdbc
			.queryForObject("select count(*) from customer_segments s join customers c on c.id = s.customer_id"
					+ " where s.run_id = (select published_run_id from segmentation_state) and s.tier = 'ABC:A'"
					+ " and c.owner_id = ?", Long.class, this.manager))
			.isEqualTo(expected);
		// The dashboards of the owners on both sides count the customers they own now.
		for (long owner : List.of(this.rep, this.manager)) {
			assertThat(this.dashboards.published(AccessScope.own(owner), 50).orElseThrow().customers())
				.isEqualTo(this.jdbc.queryForObject("select count(*) from customer_segments s join customers c"
						+ " on c.id = s.customer_id where s.run_id = (select published_run_id from segmentation_state)"
						+ " and c.owner_id = ?", Long.class, owner));
		}
		assertThat(this.jdbc.queryForObject("select sum(customers) from owner_figures where owner_id = ?", Long.class,
				this.manager))
			.isGreaterThanOrEqualTo(expected);
	}

	@Test
	void aManagerReassignsOnlyWithinTheirTeams() {
		AccessScope scope = AccessScope.team(this.manager);
		Reassignment done = this.reassignments.reassignSelected(List.of("C01", "C02", "C26", "NOPE"), this.otherRep,
				scope);
		assertThat(done.customers()).isEqualTo(2);
		assertThat(owner("C26")).isEqualTo(this.outsider);
		assertThat(owner("C01")).isEqualTo(this.otherRep);

		assertThatExceptionOfType(CustomerOutOfScopeException.class)
			.isThrownBy(() -> this.reassignments.reassignOne("C27", this.rep, scope));
		assertThat(owner("C27")).isEqualTo(this.outsider);
		assertThatExceptionOfType(OwnerNotAllowedException.class)
			.isThrownBy(() -> this.reassignments.reassignOne("C03", this.outsider, scope));
		assertThatExceptionOfType(OwnerNotAllowedException.class)
			.isThrownBy(() -> this.reassignments.reassignOne("C03", this.disabled, scope));
		assertThatExceptionOfType(OwnerNotAllowedException.class)
			.isThrownBy(() -> this.reassignments.reassignOne("C03", this.admin, AccessScope.all(this.admin)));
		assertThat(owner("C03")).isEqualTo(this.rep);
		// A filter reaches no further than the scope either.
		assertThat(this.reassignments.reassignMatching(criteria(null, null), this.manager, scope).customers())
			.isEqualTo(25);
		assertThat(this.jdbc.queryForObject("select count(*) from customers where owner_id = ?", Integer.class,
				this.outsider))
			.isEqualTo(5);
		assertThat(this.reassignments.history("C26", scope)).isEmpty();
	}

	@Test
	void aRepReassignsNothing() {
		AccessScope scope = AccessScope.own(this.rep);
		assertThat(CustomerReassignments.mayReassign(scope)).isFalse();
		assertThat(this.reassignments.targets(scope)).isEmpty();
		assertThatExceptionOfType(ReassignmentNotAllowedException.class)
			.isThrownBy(() -> this.reassignments.reassignOne("C01", this.otherRep, scope));
		assertThatExceptionOfType(ReassignmentNotAllowedException.class)
			.isThrownBy(() -> this.reassignments.reassignSelected(List.of("C01"), this.otherRep, scope));
		assertThatExceptionOfType(ReassignmentNotAllowedException.class)
			.isThrownBy(() -> this.reassignments.reassignMatching(criteria(null, null), this.otherRep, scope));
		assertThat(owner("C01")).isEqualTo(this.rep);
		assertThat(this.jdbc.queryForObject("select count(*) from customer_reassignments where reassigned_by = ?",
				Integer.class, this.rep))
			.isZero();
	}

	@Test
	void theOpenFollowUpsOfThePreviousOwnerGoWithTheCustomer() {
		long customer = this.jdbc.queryForObject("select id from customers where code = 'C07'", Long.class);
		String insert = "insert into tasks (customer_id, assignee_id, due_at, note, created_by, created_at, done_at)"
				+ " values (?, ?, current_timestamp, ?, ?, current_timestamp, ?)";
		this.jdbc.update(insert, customer, this.rep, "open, the owner's", this.rep, null);
		this.jdbc.update(insert, customer, this.rep, "done, the owner's", this.rep, Timestamp.from(Instant.now()));
		this.jdbc.update(insert, customer, this.manager, "open, the manager's", this.manager, null);
		this.reassignments.reassignOne("C07", this.otherRep, AccessScope.all(this.admin));
		assertThat(this.jdbc.queryForList(
				"select note || ' -> ' || assignee_id from tasks where customer_id = ?" + " order by note",
				String.class, customer))
			.containsExactly("done, the owner's -> " + this.rep, "open, the manager's -> " + this.manager,
					"open, the owner's -> " + this.otherRep);
	}

	@Test
	void historyListsEveryChangeNewestFirst() {
		AccessScope all = AccessScope.all(this.admin);
		this.reassignments.reassignOne("C05", this.otherRep, all);
		this.reassignments.reassignOne("C05", this.manager, all);
		assertThat(this.reassignments.reassignOne("C05", this.manager, all).customers()).isZero();
		assertThat(this.reassignments.history("C05", all)).extracting(OwnershipChange::toName)
			.containsExactly(this.prefix + "-mgr", this.prefix + "-rep2");
		assertThat(this.reassignments.history("C05", AccessScope.own(this.rep))).isEmpty();
	}

	private TieredCriteria criteria(@Nullable Long owner, @Nullable String region) {
		return new TieredCriteria(null, owner, region, null, null, null, null, null, null, TieredSort.NAME_ASC, null,
				25);
	}

	private long owner(String code) {
		return this.jdbc.queryForObject("select owner_id from customers where code = ?", Long.class, code);
	}

	private long user(String name, String role, @Nullable Long team, boolean enabled) {
		String username = this.prefix + "-" + name;
		this.jdbc.update(
				"insert into users (username, display_name, password_hash, role, enabled, team_id,"
						+ " head_of_sales, created_at) values (?, ?, '{noop}x', ?, ?, ?, false, current_timestamp)",
				username, username, role, enabled, team);
		return this.jdbc.queryForObject("select id from users where username = ?", Long.class, username);
	}

}
