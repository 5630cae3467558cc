package com.tiercrm.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * Someone who logs in. Reps belong to a team; a manager leads teams and may be head of
 * sales, who sees everything.
 */
@Entity
@Table(name = "users")
public class User {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String username;

	private String displayName;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	private boolean enabled;

	private @Nullable Long teamId;

	private boolean headOfSales;

	private boolean passwordChangeRequired;

	private Instant createdAt;

	@Version
	private long version;

	protected User() {
		this.username = "";
		this.displayName = "";
		this.passwordHash = "";
		this.role = Role.SALES_REP;
		this.createdAt = Instant.EPOCH;
	}

	public User(String username, String displayName, String passwordHash, Role role) {
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.enabled = true;
		this.createdAt = Instant.now();
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	public Role getRole() {
		return this.role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable Long getTeamId() {
		return this.teamId;
	}

	public void setTeamId(@Nullable Long teamId) {
		this.teamId = teamId;
	}

	public boolean isHeadOfSales() {
		return this.headOfSales;
	}

	public void setHeadOfSales(boolean headOfSales) {
		this.headOfSales = headOfSales;
	}

	public boolean isPasswordChangeRequired() {
		return this.passwordChangeRequired;
	}

	public void setPasswordChangeRequired(boolean passwordChangeRequired) {
		this.passwordChangeRequired = passwordChangeRequired;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/**
	 * The version an edit form started from, for optimistic locking.
	 */
	public long getVersion() {
		return this.version;
	}

	/**
	 * Which customers this user may see.
	 */
	public AccessScope accessScope() {
		Long userId = (this.id != null) ? this.id : -1L;
		return switch (this.role) {
			case ADMIN -> AccessScope.all(userId);
			case MANAGER -> this.headOfSales ? AccessScope.all(userId) : AccessScope.team(userId);
			case SALES_REP -> AccessScope.own(userId);
		};
	}

}
