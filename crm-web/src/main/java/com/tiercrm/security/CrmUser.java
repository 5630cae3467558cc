package com.tiercrm.security;

import java.util.Collection;
import java.util.List;

import com.tiercrm.account.AccessScope;
import com.tiercrm.account.Role;
import com.tiercrm.account.User;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user, with the scope that every customer query is limited to.
 */
public final class CrmUser implements UserDetails {

	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private final String displayName;

	private final String passwordHash;

	private final Role role;

	private final boolean enabled;

	private final AccessScope scope;

	private final boolean passwordChangeRequired;

	/**
	 * The principal for a user as loaded from the database.
	 */
	public static CrmUser of(User user) {
		return new CrmUser(user);
	}

	private CrmUser(User user) {
		this.id = (user.getId() != null) ? user.getId() : -1;
		this.username = user.getUsername();
		this.displayName = user.getDisplayName();
		this.passwordHash = user.getPasswordHash();
		this.role = user.getRole();
		this.enabled = user.isEnabled();
		this.scope = user.accessScope();
		this.passwordChangeRequired = user.isPasswordChangeRequired();
	}

	public long id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public Role role() {
		return this.role;
	}

	public AccessScope scope() {
		return this.scope;
	}

	/**
	 * Whether an admin requires a new password before anything else.
	 */
	public boolean passwordChangeRequired() {
		return this.passwordChangeRequired;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.role.name()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

}
