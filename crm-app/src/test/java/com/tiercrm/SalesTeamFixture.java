package com.tiercrm;

import com.tiercrm.account.Role;
import com.tiercrm.account.Team;
import com.tiercrm.account.TeamRepository;
import com.tiercrm.account.User;
import com.tiercrm.account.UserRepository;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerRepository;
import com.tiercrm.customer.CustomerType;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Creates what the full-stack tests log in as: a manager leading a team of two reps, and
 * customers they own, all under a prefix of their own so that tests sharing a database
 * never see each other's rows.
 */
@TestComponent
class SalesTeamFixture {

	private final UserRepository users;

	private final TeamRepository teams;

	private final CustomerRepository customers;

	private final PasswordEncoder encoder;

	SalesTeamFixture(UserRepository users, TeamRepository teams, CustomerRepository customers,
			PasswordEncoder encoder) {
		this.users = users;
		this.teams = teams;
		this.customers = customers;
		this.encoder = encoder;
	}

	/**
	 * A manager ({@code prefix-mgr}) leading the team of reps {@code prefix-rep} and
	 * {@code prefix-rep2}.
	 */
	SalesTeam create(String prefix, String password) {
		User manager = user(prefix, "mgr", Role.MANAGER, null, password);
		Team team = this.teams.save(new Team(prefix + " team", manager.getId()));
		return new SalesTeam(manager, user(prefix, "rep", Role.SALES_REP, team, password),
				user(prefix, "rep2", Role.SALES_REP, team, password));
	}

	User user(String prefix, String name, Role role, Team team, String password) {
		User user = new User(prefix + "-" + name, name + " 用户", this.encoder.encode(password), role);
		user.setTeamId((team != null) ? team.getId() : null);
		return this.users.save(user);
	}

	Customer customer(String prefix, String code, String name, User owner) {
		Customer customer = new Customer(prefix + code, name, CustomerType.ENTERPRISE);
		customer.setOwnerId(owner.getId());
		customer.locate("上海", "上海", "EAST");
		return this.customers.save(customer);
	}

	/**
	 * A manager and the two reps of their team.
	 */
	record SalesTeam(User manager, User rep, User otherRep) {

	}

}
