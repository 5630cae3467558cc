package com.tiercrm.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A user's personal access token for the JSON API, stored as the SHA-256 hash of the
 * token.
 */
@Entity
@Table(name = "api_tokens")
public class ApiToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long userId;

	private String name;

	private String tokenHash;

	@Enumerated(EnumType.STRING)
	@Column(name = "access_level")
	private ApiTokenAccess access;

	private Instant createdAt;

	private Instant expiresAt;

	private @Nullable Instant revokedAt;

	protected ApiToken() {
		this.name = "";
		this.tokenHash = "";
		this.access = ApiTokenAccess.READ_ONLY;
		this.createdAt = Instant.EPOCH;
		this.expiresAt = Instant.EPOCH;
	}

	ApiToken(long userId, String name, String tokenHash, ApiTokenAccess access, Instant createdAt, Instant expiresAt) {
		this.userId = userId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.access = access;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public long getUserId() {
		return this.userId;
	}

	public String getName() {
		return this.name;
	}

	public ApiTokenAccess getAccess() {
		return this.access;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	public @Nullable Instant getRevokedAt() {
		return this.revokedAt;
	}

	void revoke(Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
		}
	}

	/**
	 * Whether the token is accepted at the given time.
	 */
	public boolean isActiveAt(Instant now) {
		return this.revokedAt == null && now.isBefore(this.expiresAt);
	}

}
