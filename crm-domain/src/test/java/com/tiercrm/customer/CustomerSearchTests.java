package com.tiercrm.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.tiercrm.account.AccessScope;
import com.tiercrm.account.Role;
import com.tiercrm.account.Team;
import com.tiercrm.account.TeamRepository;
import com.tiercrm.account.User;
import com.tiercrm.account.UserRepository;
import com.tiercrm.testing.PostgresTestDatabase;
import domaintest.DomainTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@DataJpaTest
@ContextConfiguration(classes = DomainTestApplication.class, initializers = PostgresTestDatabase.class)
@Import(CustomerSearch.class)
class CustomerSearchTests {

	@Autowired
	private CustomerRepository customers;

	@Autowired
	private UserRepository users;

	@Autowired
	private TeamRepository teams;

	@Autowired
	private CustomerSearch search;

	private User manager;

	private User rep;

	private User otherRep;

	private User outsider;

	private String prefix;

	@BeforeEach
	void setUp() {
		this.prefix = "T" + UUID.randomUUID().toString().substring(0, 8);
		this.manager = this.users.save(new User(this.prefix + "-mgr", "Manager", "{noop}x", Role.MANAGER));
		Team team = this.teams.save(new Team(this.prefix + "-team", this.manager.getId()));
		this.rep = newRep("rep", team);
		this.otherRep = newRep("rep2", team);
		this.outsider = newRep("out", null);
		for (int i = 0; i < 7; i++) {
			newCustomer("A" + i, "张三" + i, this.rep);
		}
		newCustomer("B0", "Zoe Li", this.otherRep);
		newCustomer("C0", "Outsider Ltd", this.outsider);
	}

	@Test
	void repSeesOnlyOwnCustomers() {
		List<CustomerSummary> rows = all(AccessScope.own(this.rep.getId()));
		assertThat(rows).hasSize(7).allSatisfy((row) -> assertThat(row.ownerId()).isEqualTo(this.rep.getId()));
		assertThat(this.customers.findByCode(this.prefix + "B0", AccessScope.own(this.rep.getId()))).isEmpty();
		assertThat(this.customers.findByCode(this.prefix + "A0", AccessScope.own(this.rep.getId()))).isPresent();
	}

	@Test
	void managerSeesTeamButNotOutsiders() {
		AccessScope scope = AccessScope.team(this.manager.getId());
		assertThat(all(scope)).extracting(CustomerSummary::code)
			.hasSize(8)
			.doesNotContain(this.prefix + "C0")
			.contains(this.prefix + "B0");
		assertThat(this.customers.findByCode(this.prefix + "C0", scope)).isEmpty();
		assertThat(this.customers.findByCode(this.prefix + "B0", scope)).isPresent();
	}

	@Test
	void keysetPagesWalkForwardAndBackWithoutGapsOrRepeats() {
		AccessScope scope = AccessScope.own(this.rep.getId());
		List<String> forward = new ArrayList<>();
		String cursor = null;
		List<String> cursors = new ArrayList<>();
		do {
			CustomerPage page = this.search.search(criteria(null, CustomerSort.NAME_DESC, cursor, 3), scope);
			page.items().forEach((row) -> forward.add(row.code()));
			cursors.add(cursor);
			cursor = page.next();
		}
		while (cursor != null);
		assertThat(forward).hasSize(7).doesNotHaveDuplicates();
		assertThat(forward).isSortedAccordingTo((a, b) -> b.compareTo(a));

		CustomerPage last = this.search.search(criteria(null, CustomerSort.NAME_DESC, cursors.getLast(), 3), scope);
		CustomerPage middle = this.search.search(criteria(null, CustomerSort.NAME_DESC, last.previous(), 3), scope);
		assertThat(middle.items()).extracting(CustomerSummary::code).containsExactlyElementsOf(forward.subList(3, 6));
		CustomerPage first = this.search.search(criteria(null, CustomerSort.NAME_DESC, middle.previous(), 3), scope);
		assertThat(first.items()).extracting(CustomerSummary::code).containsExactlyElementsOf(forward.subList(0, 3));
		assertThat(first.previous()).isNull();
	}

	@Test
	void textMatchesNameCodeOrPhone() {
		AccessScope scope = AccessScope.all(this.manager.getId());
		assertThat(this.search.search(criteria("张三3", CustomerSort.NAME_ASC, null, 20), scope).items())
			.extracting(CustomerSummary::code)
			.containsExactly(this.prefix + "A3");
		assertThat(this.search.search(criteria(this.prefix + "B", CustomerSort.NAME_ASC, null, 20), scope).items())
			.extracting(CustomerSummary::name)
			.containsExactly("Zoe Li");
		assertThat(this.search.search(criteria("zoe", CustomerSort.NAME_ASC, null, 20), scope).items()).isNotEmpty();
	}

	@Test
	void chineseNamesRoundTrip() {
		Customer saved = this.customers.findByCode(this.prefix + "A1", AccessScope.own(this.rep.getId())).orElseThrow();
		assertThat(saved.getName()).isEqualTo("张三1");
	}

	@Test
	void forgedCursorIsRejected() {
		assertThatExceptionOfType(InvalidCursorException.class).isThrownBy(() -> this.search
			.search(criteria(null, CustomerSort.NAME_ASC, "bm90LWEtY3Vyc29y", 3), AccessScope.own(this.rep.getId())));
	}

	private List<CustomerSummary> all(AccessScope scope) {
		return this.search.search(criteria(this.prefix, CustomerSort.CODE_ASC, null, 200), scope).items();
	}

	private static CustomerCriteria criteria(String text, CustomerSort sort, String cursor, int size) {
		return new CustomerCriteria(text, null, null, null, sort, cursor, size);
	}

	private User newRep(String name, Team team) {
		User user = new User(this.prefix + "-" + name, name, "{noop}x", Role.SALES_REP);
		user.setTeamId((team != null) ? team.getId() : null);
		return this.users.save(user);
	}

	private void newCustomer(String code, String name, User owner) {
		Customer customer = new Customer(this.prefix + code, name, CustomerType.INDIVIDUAL);
		customer.setOwnerId(owner.getId());
		customer.setPhone("1380000" + code.hashCode());
		this.customers.save(customer);
	}

}
