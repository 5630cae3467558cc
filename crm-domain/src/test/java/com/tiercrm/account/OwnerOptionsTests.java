package com.tiercrm.account;

import java.util.List;
import java.util.UUID;

import com.tiercrm.testing.PostgresTestDatabase;
import domaintest.DomainTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

@DataJpaTest
@ContextConfiguration(classes = DomainTestApplication.class, initializers = PostgresTestDatabase.class)
@Import(OwnerOptions.class)
class OwnerOptionsTests {

	@Autowired
	private UserRepository users;

	@Autowired
	private TeamRepository teams;

	@Autowired
	private OwnerOptions owners;

	private String prefix;

	private User manager;

	private User rep;

	private User disabledRep;

	private User outsider;

	private User admin;

	@BeforeEach
	void setUp() {
		this.prefix = "O" + UUID.randomUUID().toString().substring(0, 8);
		this.manager = save("mgr", "Zhao manager", Role.MANAGER, null);
		Team team = this.teams.save(new Team(this.prefix + "-team", this.manager.getId()));
		this.rep = save("rep", "Bai rep", Role.SALES_REP, team);
		User gone = new User(this.prefix + "-gone", "Gone rep", "{noop}x", Role.SALES_REP);
		gone.setTeamId(team.getId());
		gone.setEnabled(false);
		this.disabledRep = this.users.save(gone);
		this.outsider = save("out", "Outsider rep", Role.SALES_REP, null);
		this.admin = save("adm", "Admin", Role.ADMIN, null);
	}

	@Test
	void aRepIsOfferedThemselvesOnly() {
		assertThat(this.owners.visibleTo(AccessScope.own(this.rep.getId())))
			.containsExactly(new OwnerOption(this.rep.getId(), "Bai rep"));
	}

	@Test
	void aManagerIsOfferedThemselvesAndTheEnabledMembersOfTheirTeamsByName() {
		assertThat(this.owners.visibleTo(AccessScope.team(this.manager.getId()))).containsExactly(
				new OwnerOption(this.rep.getId(), "Bai rep"), new OwnerOption(this.manager.getId(), "Zhao manager"));
	}

	@Test
	void everyoneScopeOffersEnabledRepsAndManagersButNotAdmins() {
		List<Long> ids = this.owners.visibleTo(AccessScope.all(this.admin.getId()))
			.stream()
			.map(OwnerOption::id)
			.toList();
		assertThat(ids).contains(this.rep.getId(), this.manager.getId(), this.outsider.getId())
			.doesNotContain(this.disabledRep.getId(), this.admin.getId());
	}

	private User save(String name, String displayName, Role role, Team team) {
		User user = new User(this.prefix + "-" + name, displayName, "{noop}x", role);
		user.setTeamId((team != null) ? team.getId() : null);
		return this.users.save(user);
	}

}
