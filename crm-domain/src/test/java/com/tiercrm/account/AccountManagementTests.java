package com.tiercrm.account;

import java.util.UUID;

import com.tiercrm.account.AccountManagement.NewUser;
import com.tiercrm.account.AccountManagement.UserChange;
import com.tiercrm.testing.PostgresTestDatabase;
import com.tiercrm.audit.AuditLog;
import domaintest.DomainTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rules that keep users and teams consistent, each refused with the field and the
 * message key a page shows, and the changes of rights that end a user's sessions.
 */
@DataJpaTest
@ContextConfiguration(classes = DomainTestApplication.class, initializers = PostgresTestDatabase.class)
@Import({ AccountManagement.class, AuditLog.class, AccountManagementTests.Encoder.class })
@RecordApplicationEvents
class AccountManagementTests {

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private UserRepository users;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private org.springframework.boot.jpa.test.autoconfigure.TestEntityManager entities;

	@Autowired
	private ApplicationEvents events;

	private String prefix;

	private User admin;

	private User otherAdmin;

	private User manager;

	private Team team;

	private User rep;

	@BeforeEach
	void setUp() {
		// Only this test's admins count as enabled ones (rolled back with the test).
		this.jdbc.update("update users set enabled = false where role = 'ADMIN'");
		this.prefix = "A" + UUID.randomUUID().toString().substring(0, 8);
		this.admin = create("adm", Role.ADMIN, null);
		this.otherAdmin = create("adm2", Role.ADMIN, null);
		this.manager = create("mgr", Role.MANAGER, null);
		this.team = this.accounts.createTeam(this.prefix + " east", this.manager.getId());
		this.rep = create("rep", Role.SALES_REP, this.team.getId());
	}

	@Test
	void anAdminEditsAUsersNameRoleTeamAndHeadOfSalesFlag() {
		Team west = this.accounts.createTeam(this.prefix + " west", null);
		User changed = this.accounts.updateUser(this.rep.getId(),
				new UserChange(" Li Lei ", Role.SALES_REP, west.getId(), false, this.rep.getVersion()),
				this.admin.getId());
		assertThat(changed.getDisplayName()).isEqualTo("Li Lei");
		assertThat(changed.getTeamId()).isEqualTo(west.getId());
		// A new team changes no rights: the rep's sessions go on.
		assertThat(this.events.stream(UserAccessChanged.class)).isEmpty();

		User other = create("mgr2", Role.MANAGER, null);
		this.accounts.updateUser(other.getId(), new UserChange("Head", Role.MANAGER, null, true, other.getVersion()),
				this.admin.getId());
		assertThat(this.users.findById(other.getId()).orElseThrow().accessScope().kind())
			.isEqualTo(AccessScope.Kind.ALL);
		assertThat(this.events.stream(UserAccessChanged.class))
			.containsExactly(new UserAccessChanged(other.getId(), other.getUsername()));
	}

	@Test
	void anEditStartedFromAnOlderVersionIsAConflict() {
		long version = this.rep.getVersion();
		this.accounts.updateUser(this.rep.getId(),
				new UserChange("First edit", Role.SALES_REP, this.team.getId(), false, version), this.admin.getId());
		this.entities.flush();
		assertThatExceptionOfType(UserEditConflictException.class)
			.isThrownBy(() -> this.accounts.updateUser(this.rep.getId(),
					new UserChange("Second edit", Role.SALES_REP, this.team.getId(), false, version),
					this.admin.getId()))
			.satisfies((ex) -> assertThat(ex.current().getDisplayName()).isEqualTo("First edit"));
	}

	@Test
	void onlyManagersAreHeadOfSales() {
		refused(() -> this.accounts.updateUser(this.rep.getId(),
				new UserChange("Rep", Role.SALES_REP, this.team.getId(), true, this.rep.getVersion()),
				this.admin.getId()), "headOfSales", "user.rule.headOfSalesManagersOnly");
		refused(() -> this.accounts.createUser(new NewUser(this.prefix + "-x", "X", Role.ADMIN, null, true, "pw")),
				"headOfSales", "user.rule.headOfSalesManagersOnly");
	}

	@Test
	void aRepBelongsToATeam() {
		refused(() -> this.accounts.updateUser(this.rep.getId(),
				new UserChange("Rep", Role.SALES_REP, null, false, this.rep.getVersion()), this.admin.getId()),
				"teamId", "user.rule.repNeedsTeam");
		refused(() -> this.accounts.createUser(new NewUser(this.prefix + "-y", "Y", Role.SALES_REP, null, false, "pw")),
				"teamId", "user.rule.repNeedsTeam");
		refused(() -> this.accounts.updateUser(this.manager.getId(),
				new UserChange("Mgr", Role.SALES_REP, null, false, this.manager.getVersion()), this.admin.getId()),
				"teamId", "user.rule.repNeedsTeam");
	}

	@Test
	void aManagerWhoLeadsATeamKeepsTheRoleUntilTheTeamHasAnotherManager() {
		refused(() -> this.accounts.updateUser(this.manager.getId(),
				new UserChange("Mgr", Role.ADMIN, null, false, this.manager.getVersion()), this.admin.getId()), "role",
				"user.rule.leadsTeams");
		this.accounts.updateTeam(this.team.getId(), this.team.getName(), null);
		this.accounts.updateUser(this.manager.getId(),
				new UserChange("Mgr", Role.ADMIN, null, false, this.manager.getVersion()), this.admin.getId());
		assertThat(this.users.findById(this.manager.getId()).orElseThrow().getRole()).isEqualTo(Role.ADMIN);
	}

	@Test
	void anAdminNeitherDemotesNorDeactivatesThemselves() {
		refused(() -> this.accounts.updateUser(this.admin.getId(),
				new UserChange("Me", Role.MANAGER, null, false, this.admin.getVersion()), this.admin.getId()), "role",
				"user.rule.demoteSelf");
		refused(() -> this.accounts.setEnabled(this.admin.getId(), false, this.admin.getId()), null,
				"user.rule.deactivateSelf");
		assertThat(this.users.findById(this.admin.getId()).orElseThrow().isEnabled()).isTrue();
	}

	@Test
	void theLastEnabledAdminStays() {
		this.accounts.setEnabled(this.otherAdmin.getId(), false, this.admin.getId());
		User third = create("adm3", Role.ADMIN, null);
		this.accounts.setEnabled(third.getId(), false, this.admin.getId());
		// The acting admin is a manager now in the view of another session: the last
		// enabled admin is refused to anyone.
		this.accounts.setEnabled(this.otherAdmin.getId(), true, this.admin.getId());
		this.accounts.setEnabled(this.admin.getId(), false, this.otherAdmin.getId());
		refused(() -> this.accounts.setEnabled(this.otherAdmin.getId(), false, third.getId()), null,
				"user.rule.lastAdmin");
		refused(() -> this.accounts.updateUser(this.otherAdmin.getId(),
				new UserChange("Admin", Role.MANAGER, null, false,
						this.users.findById(this.otherAdmin.getId()).orElseThrow().getVersion()),
				third.getId()), "role", "user.rule.lastAdmin");
	}

	@Test
	void deactivationAndAPasswordResetEndTheSessionsReactivationDoesNot() {
		this.accounts.setEnabled(this.rep.getId(), false, this.admin.getId());
		assertThat(this.users.findById(this.rep.getId()).orElseThrow().isEnabled()).isFalse();
		this.accounts.setEnabled(this.rep.getId(), true, this.admin.getId());
		this.accounts.resetPassword(this.manager.getId(), "reset by the admin");
		assertThat(this.events.stream(UserAccessChanged.class)).containsExactly(
				new UserAccessChanged(this.rep.getId(), this.rep.getUsername()),
				new UserAccessChanged(this.manager.getId(), this.manager.getUsername()));
	}

	@Test
	void teamsHaveUniqueNamesAManagerAndAreRemovedOnlyWhenEmpty() {
		refused(() -> this.accounts.createTeam(this.prefix + " EAST ", null), "name", "team.rule.nameTaken");
		refused(() -> this.accounts.createTeam(this.prefix + " north", this.rep.getId()), "managerId",
				"team.rule.managerNotManager");
		Team renamed = this.accounts.updateTeam(this.team.getId(), this.prefix + " east and south",
				this.manager.getId());
		assertThat(renamed.getName()).isEqualTo(this.prefix + " east and south");
		assertThatExceptionOfType(AccountChangeRefusedException.class)
			.isThrownBy(() -> this.accounts.removeTeam(this.team.getId()))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo("team.rule.notEmpty");
				assertThat(ex.arguments()).containsExactly(this.prefix + " east and south", "1");
			});
		Team west = this.accounts.updateTeam(this.accounts.createTeam(this.prefix + " west", null).getId(),
				this.prefix + " west", null);
		this.accounts.updateUser(this.rep.getId(),
				new UserChange("Rep", Role.SALES_REP, west.getId(), false, this.rep.getVersion()), this.admin.getId());
		this.accounts.removeTeam(this.team.getId());
		assertThat(this.accounts.allTeams()).extracting(Team::getName)
			.contains(this.prefix + " west")
			.doesNotContain(this.prefix + " east and south");
	}

	private void refused(Runnable change, String field, String reason) {
		assertThatExceptionOfType(AccountChangeRefusedException.class).isThrownBy(change::run).satisfies((ex) -> {
			assertThat(ex.field()).isEqualTo(field);
			assertThat(ex.reason()).isEqualTo(reason);
		});
	}

	private User create(String name, Role role, Long teamId) {
		return this.accounts.createUser(new NewUser(this.prefix + "-" + name, name, role, teamId, false, "pw"));
	}

	static class Encoder {

		@Bean
		@SuppressWarnings("deprecation")
		PasswordEncoder passwordEncoder() {
			return NoOpPasswordEncoder.getInstance();
		}

	}

}
