package com.tiercrm;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.tiercrm.account.Role;
import com.tiercrm.account.Team;
import com.tiercrm.account.TeamRepository;
import com.tiercrm.account.User;
import com.tiercrm.account.UserRepository;
import com.tiercrm.bookorder.BookKeys;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerRepository;
import com.tiercrm.customer.CustomerType;
import com.tiercrm.interaction.LastContacts;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

	private final NamedParameterJdbcTemplate jdbc;

	SalesTeamFixture(UserRepository users, TeamRepository teams, CustomerRepository customers, PasswordEncoder encoder,
			NamedParameterJdbcTemplate jdbc) {
		this.users = users;
		this.teams = teams;
		this.customers = customers;
		this.encoder = encoder;
		this.jdbc = jdbc;
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
		Customer saved = this.customers.save(customer);
		BookKeys.sync(this.jdbc, List.of(saved.getId()));
		return saved;
	}

	/**
	 * A call with a customer at the given time, written as an import would write it: the
	 * customer's last contact follows.
	 */
	void interaction(Customer customer, Instant at, @Nullable Integer satisfaction) {
		this.jdbc.update(
				"insert into interactions (customer_id, type, occurred_at, satisfaction)"
						+ " values (:customer, 'CALL', :at, :satisfaction)",
				new MapSqlParameterSource("customer", customer.getId()).addValue("at", Timestamp.from(at))
					.addValue("satisfaction", satisfaction));
		LastContacts.recompute(this.jdbc, List.of(customer.getId()));
	}

	/**
	 * A manager and the two reps of their team.
	 */
	record SalesTeam(User manager, User rep, User otherRep) {

	}

}
