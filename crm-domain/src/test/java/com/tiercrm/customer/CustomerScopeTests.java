package com.tiercrm.customer;

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
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer looked up by code is found only within the user's scope; the scoped list is
 * the tiering module's one customer search ({@code TieredListsTests}).
 */
@DataJpaTest
@ContextConfiguration(classes = DomainTestApplication.class, initializers = PostgresTestDatabase.class)
class CustomerScopeTests {

	@Autowired
	private CustomerRepository customers;

	@Autowired
	private UserRepository users;

	@Autowired
	private TeamRepository teams;

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
	void repFindsOnlyOwnCustomers() {
		assertThat(this.customers.findByCode(this.prefix + "B0", AccessScope.own(this.rep.getId()))).isEmpty();
		assertThat(this.customers.findByCode(this.prefix + "A0", AccessScope.own(this.rep.getId()))).isPresent();
	}

	@Test
	void managerFindsTeamButNotOutsiders() {
		AccessScope scope = AccessScope.team(this.manager.getId());
		assertThat(this.customers.findByCode(this.prefix + "C0", scope)).isEmpty();
		assertThat(this.customers.findByCode(this.prefix + "B0", scope)).isPresent();
	}

	@Test
	void chineseNamesRoundTrip() {
		Customer saved = this.customers.findByCode(this.prefix + "A1", AccessScope.own(this.rep.getId())).orElseThrow();
		assertThat(saved.getName()).isEqualTo("张三1");
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
