package com.tiercrm.account;

import java.util.List;

import com.tiercrm.audit.AuditAction;
import com.tiercrm.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do with user accounts and teams: create and edit users, deactivate and
 * reactivate them, reset their password or require a new one, create, rename and remove
 * teams; and what users do with their own account: change the password. Every change
 * keeps users and teams consistent: only managers are head of sales or lead teams, a rep
 * belongs to a team, and there is always an enabled admin, never the acting admin demoted
 * or deactivated by themselves.
 */
@Service
public class AccountManagement {

	private final UserRepository users;

	private final TeamRepository teams;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final JdbcTemplate jdbc;

	public AccountManagement(UserRepository users, TeamRepository teams, PasswordEncoder passwordEncoder,
			ApplicationEventPublisher events, AuditLog audit, JdbcTemplate jdbc) {
		this.users = users;
		this.jdbc = jdbc;
		this.audit = audit;
		this.teams = teams;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public List<User> allUsers() {
		return this.users.findAllByOrderByUsernameAsc();
	}

	@Transactional(readOnly = true)
	public List<Team> allTeams() {
		return this.teams.findAllByOrderByNameAsc();
	}

	/**
	 * The teams a manager leads, by name.
	 */
	@Transactional(readOnly = true)
	public List<Team> teamsLedBy(long managerId) {
		return this.teams.findByManagerIdOrderByNameAsc(managerId);
	}

	/**
	 * Creates an enabled user.
	 * @throws UsernameTakenException if the username exists, ignoring case
	 * @throws UnknownTeamException if the team does not exist
	 * @throws AccountChangeRefusedException if a rep has no team or a non-manager is head
	 * of sales
	 */
	@Transactional
	public User createUser(NewUser request) {
		String username = request.username().strip();
		if (this.users.existsByUsernameIgnoreCase(username)) {
			throw new UsernameTakenException(username);
		}
		checkTeamAndHeadOfSales(request.role(), request.teamId(), request.headOfSales());
		User user = new User(username, request.displayName().strip(),
				this.passwordEncoder.encode(request.rawPassword()), request.role());
		user.setTeamId(request.teamId());
		user.setHeadOfSales(request.headOfSales());
		User saved = this.users.save(user);
		this.audit.record(AuditAction.USER_CREATED, username, describe(saved));
		return saved;
	}

	/**
	 * Changes a user's name, role, team and head-of-sales flag. A change of role or flag
	 * ends the user's sessions ({@link UserAccessChanged}).
	 * @param userId the user to change
	 * @param change the new values and the version the form started from
	 * @param actingUserId the admin making the change
	 * @return the changed user
	 * @throws UserEditConflictException if someone else changed the user since
	 * @throws UnknownTeamException if the team does not exist
	 * @throws AccountChangeRefusedException if the change breaks a rule
	 */
	@Transactional
	public User updateUser(long userId, UserChange change, long actingUserId) {
		User user = find(userId);
		if (user.getVersion() != change.version()) {
			throw new UserEditConflictException(user);
		}
		checkTeamAndHeadOfSales(change.role(), change.teamId(), change.headOfSales());
		if (user.getRole() == Role.ADMIN && change.role() != Role.ADMIN) {
			if (userId == actingUserId) {
				throw new AccountChangeRefusedException("role", "user.rule.demoteSelf");
			}
			if (user.isEnabled() && this.users.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
				throw new AccountChangeRefusedException("role", "user.rule.lastAdmin");
			}
		}
		if (user.getRole() == Role.MANAGER && change.role() != Role.MANAGER) {
			List<Team> led = this.teams.findByManagerIdOrderByNameAsc(userId);
			if (!led.isEmpty()) {
				throw new AccountChangeRefusedException("role", "user.rule.leadsTeams", teamNames(led));
			}
		}
		boolean accessChanged = user.getRole() != change.role() || user.isHeadOfSales() != change.headOfSales();
		user.setDisplayName(change.displayName().strip());
		user.setRole(change.role());
		user.setTeamId(change.teamId());
		user.setHeadOfSales(change.headOfSales());
		if (accessChanged) {
			this.events.publishEvent(new UserAccessChanged(userId, user.getUsername()));
		}
		this.audit.record(AuditAction.USER_CHANGED, user.getUsername(), describe(user));
		return user;
	}

	/**
	 * Deactivates or reactivates a user. A deactivated user cannot sign in or use their
	 * API tokens, and their sessions end ({@link UserAccessChanged}).
	 * @throws AccountChangeRefusedException if an admin deactivates themselves or the
	 * last enabled admin
	 */
	@Transactional
	public User setEnabled(long userId, boolean enabled, long actingUserId) {
		User user = find(userId);
		if (!enabled && user.isEnabled()) {
			if (userId == actingUserId) {
				throw new AccountChangeRefusedException(null, "user.rule.deactivateSelf");
			}
			if (user.getRole() == Role.ADMIN && this.users.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
				throw new AccountChangeRefusedException(null, "user.rule.lastAdmin");
			}
			this.events.publishEvent(new UserAccessChanged(userId, user.getUsername()));
		}
		user.setEnabled(enabled);
		this.audit.record(AuditAction.USER_CHANGED, user.getUsername(), enabled ? "enabled" : "disabled");
		return user;
	}

	/**
	 * Sets a password chosen by an admin; the user has to choose their own at the next
	 * sign-in, which is the next request: their sessions end.
	 */
	@Transactional
	public void resetPassword(long userId, String rawPassword) {
		User user = find(userId);
		user.changePasswordHash(this.passwordEncoder.encode(rawPassword));
		user.setPasswordChangeRequired(true);
		this.events.publishEvent(new UserAccessChanged(userId, user.getUsername()));
		this.audit.record(AuditAction.PASSWORD_RESET, user.getUsername(), null);
	}

	@Transactional
	public void requirePasswordChange(long userId) {
		User user = find(userId);
		user.setPasswordChangeRequired(true);
		this.audit.record(AuditAction.USER_CHANGED, user.getUsername(), "password change required");
	}

	/**
	 * A user's change of their own password.
	 * @return the changed user
	 * @throws WrongPasswordException if the current password is not the user's
	 */
	@Transactional
	public User changeOwnPassword(long userId, String currentPassword, String newPassword) {
		User user = find(userId);
		if (!this.passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
			throw new WrongPasswordException();
		}
		user.changePasswordHash(this.passwordEncoder.encode(newPassword));
		user.setPasswordChangeRequired(false);
		this.audit.record(AuditAction.PASSWORD_CHANGED, user.getUsername(), null);
		return user;
	}

	/**
	 * Whether a user must choose a new password before anything else, as the database
	 * says now: an admin may have asked for it while the user was signed in.
	 */
	public boolean passwordChangeRequired(long userId) {
		// Asked on every page and API call: one plain statement on the primary, without a
		// JPA transaction around it.
		return Boolean.TRUE.equals(this.jdbc.query("select password_change_required from users where id = ?",
				(rs) -> rs.next() && rs.getBoolean(1), userId));
	}

	@Transactional(readOnly = true)
	public User find(long userId) {
		return this.users.findById(userId).orElseThrow(() -> new UnknownUserException(userId));
	}

	@Transactional(readOnly = true)
	public Team findTeam(long teamId) {
		return this.teams.findById(teamId).orElseThrow(() -> new UnknownTeamException(teamId));
	}

	/**
	 * Creates a team.
	 * @throws AccountChangeRefusedException if the name is taken or the manager is not a
	 * manager
	 */
	@Transactional
	public Team createTeam(String name, @Nullable Long managerId) {
		String stripped = name.strip();
		if (this.teams.existsByNameIgnoreCase(stripped)) {
			throw new AccountChangeRefusedException("name", "team.rule.nameTaken");
		}
		checkManager(managerId);
		Team team = this.teams.save(new Team(stripped, managerId));
		this.audit.record(AuditAction.TEAM_CHANGED, stripped, "created, manager " + managerId);
		return team;
	}

	/**
	 * Renames a team or gives it another manager.
	 * @throws AccountChangeRefusedException if the name is taken or the manager is not a
	 * manager
	 */
	@Transactional
	public Team updateTeam(long teamId, String name, @Nullable Long managerId) {
		Team team = findTeam(teamId);
		String stripped = name.strip();
		if (this.teams.existsByNameIgnoreCaseAndIdNot(stripped, teamId)) {
			throw new AccountChangeRefusedException("name", "team.rule.nameTaken");
		}
		checkManager(managerId);
		team.setName(stripped);
		team.setManagerId(managerId);
		this.audit.record(AuditAction.TEAM_CHANGED, stripped, "renamed or given manager " + managerId);
		return team;
	}

	/**
	 * Removes a team that has no members.
	 * @throws AccountChangeRefusedException if users still belong to it
	 */
	@Transactional
	public Team removeTeam(long teamId) {
		Team team = findTeam(teamId);
		long members = this.users.countByTeamId(teamId);
		if (members > 0) {
			throw new AccountChangeRefusedException(null, "team.rule.notEmpty", team.getName(),
					String.valueOf(members));
		}
		this.teams.delete(team);
		this.audit.record(AuditAction.TEAM_CHANGED, team.getName(), "removed");
		return team;
	}

	private static String describe(User user) {
		return user.getRole() + ", team " + user.getTeamId() + (user.isHeadOfSales() ? ", head of sales" : "")
				+ (user.isEnabled() ? "" : ", disabled");
	}

	private void checkTeamAndHeadOfSales(Role role, @Nullable Long teamId, boolean headOfSales) {
		if (headOfSales && role != Role.MANAGER) {
			throw new AccountChangeRefusedException("headOfSales", "user.rule.headOfSalesManagersOnly");
		}
		if (teamId == null && role == Role.SALES_REP) {
			throw new AccountChangeRefusedException("teamId", "user.rule.repNeedsTeam");
		}
		if (teamId != null && !this.teams.existsById(teamId)) {
			throw new UnknownTeamException(teamId);
		}
	}

	private void checkManager(@Nullable Long managerId) {
		if (managerId != null && this.users.findById(managerId).map(User::getRole).orElse(null) != Role.MANAGER) {
			throw new AccountChangeRefusedException("managerId", "team.rule.managerNotManager");
		}
	}

	private static String teamNames(List<Team> teams) {
		return String.join(", ", teams.stream().map(Team::getName).toList());
	}

	/**
	 * A user to create.
	 */
	public record NewUser(String username, String displayName, Role role, @Nullable Long teamId, boolean headOfSales,
			String rawPassword) {

	}

	/**
	 * An admin's edit of a user.
	 *
	 * @param displayName the name shown
	 * @param role the role
	 * @param teamId the team, required for reps
	 * @param headOfSales whether the user sees everyone's customers (managers only)
	 * @param version the user's version the edit started from
	 */
	public record UserChange(String displayName, Role role, @Nullable Long teamId, boolean headOfSales, long version) {

	}

}
