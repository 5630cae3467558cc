package com.tiercrm.account;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do with user accounts: create them, enable or disable them, reset their
 * password or require a new one; and what users do with their own: change the password.
 */
@Service
public class AccountManagement {

	private final UserRepository users;

	private final TeamRepository teams;

	private final PasswordEncoder passwordEncoder;

	public AccountManagement(UserRepository users, TeamRepository teams, PasswordEncoder passwordEncoder) {
		this.users = users;
		this.teams = teams;
		this.passwordEncoder = passwordEncoder;
	}

	@Transactional(readOnly = true)
	public List<User> allUsers() {
		return this.users.findAllByOrderByUsernameAsc();
	}

	@Transactional(readOnly = true)
	public List<Team> allTeams() {
		return this.teams.findAll();
	}

	/**
	 * Creates an enabled user.
	 * @throws UsernameTakenException if the username exists, ignoring case
	 * @throws UnknownTeamException if the team does not exist
	 */
	@Transactional
	public User createUser(NewUser request) {
		String username = request.username().strip();
		if (this.users.existsByUsernameIgnoreCase(username)) {
			throw new UsernameTakenException(username);
		}
		Long teamId = request.teamId();
		if (teamId != null && !this.teams.existsById(teamId)) {
			throw new UnknownTeamException(teamId);
		}
		User user = new User(username, request.displayName().strip(),
				this.passwordEncoder.encode(request.rawPassword()), request.role());
		user.setTeamId(teamId);
		user.setHeadOfSales(request.role() == Role.MANAGER && request.headOfSales());
		return this.users.save(user);
	}

	@Transactional
	public void setEnabled(long userId, boolean enabled) {
		find(userId).setEnabled(enabled);
	}

	/**
	 * Sets a password chosen by an admin; the user has to choose their own at the next
	 * sign-in.
	 */
	@Transactional
	public void resetPassword(long userId, String rawPassword) {
		User user = find(userId);
		user.changePasswordHash(this.passwordEncoder.encode(rawPassword));
		user.setPasswordChangeRequired(true);
	}

	@Transactional
	public void requirePasswordChange(long userId) {
		find(userId).setPasswordChangeRequired(true);
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
		return user;
	}

	@Transactional(readOnly = true)
	public User find(long userId) {
		return this.users.findById(userId).orElseThrow(() -> new UnknownUserException(userId));
	}

	/**
	 * A user to create.
	 */
	public record NewUser(String username, String displayName, Role role, @Nullable Long teamId, boolean headOfSales,
			String rawPassword) {

	}

}
