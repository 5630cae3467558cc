package com.tiercrm.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.tiercrm.audit.AuditAction;
import com.tiercrm.audit.AuditLog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' personal access tokens: issued with 256 random bits, shown once, kept as a
 * SHA-256 hash (a fast hash is enough for a random secret of that length, and keeps each
 * API call cheap), valid until they expire or are revoked.
 */
@Service
public class ApiTokenManagement {

	/** Tells our tokens apart from other secrets, e.g. for secret scanners. */
	static final String PREFIX = "tcrm_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApiTokenRepository tokens;

	private final UserRepository users;

	private final Clock clock;

	private final AuditLog audit;

	public ApiTokenManagement(ApiTokenRepository tokens, UserRepository users, ObjectProvider<Clock> clock,
			AuditLog audit) {
		this.audit = audit;
		this.tokens = tokens;
		this.users = users;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Issues a token for a user.
	 * @return the token with its secret, which is not stored and cannot be shown again
	 */
	@Transactional
	public IssuedToken issue(long userId, String name, ApiTokenAccess access, Duration validity) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		ApiToken token = this.tokens
			.save(new ApiToken(userId, name.strip(), hash(secret), access, now, now.plus(validity)));
		this.audit.record(AuditAction.TOKEN_CREATED, token.getName(), access + ", expires " + token.getExpiresAt());
		return new IssuedToken(token, secret);
	}

	@Transactional(readOnly = true)
	public List<ApiToken> tokensOf(long userId) {
		return this.tokens.findByUserIdOrderByCreatedAtDesc(userId);
	}

	/**
	 * Revokes one of the user's own tokens.
	 * @throws UnknownApiTokenException if the user has no such token
	 */
	@Transactional
	public void revoke(long userId, long tokenId) {
		ApiToken token = this.tokens.findByIdAndUserId(tokenId, userId)
			.orElseThrow(() -> new UnknownApiTokenException(tokenId));
		token.revoke(this.clock.instant());
		this.audit.record(AuditAction.TOKEN_REVOKED, token.getName(), null);
	}

	/**
	 * The enabled user that an active token belongs to.
	 */
	@Transactional(readOnly = true)
	public Optional<TokenHolder> authenticate(String secret) {
		if (!secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.tokens.findByTokenHash(hash(secret))
			.filter((token) -> token.isActiveAt(now))
			.flatMap((token) -> this.users.findById(token.getUserId())
				.filter(User::isEnabled)
				.map((user) -> new TokenHolder(user, token.getAccess())));
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	/**
	 * A newly issued token and its secret.
	 *
	 * @param token the stored token
	 * @param secret what the client sends as {@code Authorization: Bearer}
	 */
	public record IssuedToken(ApiToken token, String secret) {

	}

	/**
	 * Who a token authenticates, and what it may do.
	 *
	 * @param user the token's enabled owner
	 * @param access read only or read-write
	 */
	public record TokenHolder(User user, ApiTokenAccess access) {

	}

}
