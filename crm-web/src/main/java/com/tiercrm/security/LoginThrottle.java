package com.tiercrm.security;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import com.tiercrm.account.SignInLocks;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/**
 * Counts failed logins per username and per client address and says when the next attempt
 * may be made. Delays grow with each failure and end in a temporary lock; see the README,
 * "Login throttling", for why a username's lock does not block an address that never
 * failed for it.
 *
 * <p>
 * Kept in memory: a restart forgets the counts, and several instances count apart.
 */
public class LoginThrottle implements SignInLocks {

	/** Failures of a username before delays start. */
	static final int USERNAME_FREE_FAILURES = 5;

	/** Failures of a username that lock it. */
	static final int USERNAME_LOCK_FAILURES = 10;

	/** Failures from one address (whatever the usernames) before delays start. */
	static final int ADDRESS_FREE_FAILURES = 10;

	/** Failures from one address that lock it. */
	static final int ADDRESS_LOCK_FAILURES = 30;

	static final Duration FIRST_LOCK = Duration.ofMinutes(15);

	static final Duration LONGEST_LOCK = Duration.ofHours(24);

	private static final Duration FORGET_AFTER = Duration.ofHours(24);

	private final Clock clock;

	private final Cache<String, Failures> usernames = cache();

	private final Cache<String, Failures> addresses = cache();

	/** Which addresses failed for which username: only those are held by its lock. */
	private final Cache<String, Boolean> failedPairs = cache();

	public LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	private static <V> Cache<String, V> cache() {
		return Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(FORGET_AFTER).build();
	}

	/**
	 * Whether a login attempt may be checked now.
	 * @return the wait, if it has to wait
	 */
	public Optional<Wait> check(String username, String address) {
		Instant now = this.clock.instant();
		Optional<Wait> wait = Optional.empty();
		Failures byAddress = this.addresses.getIfPresent(address);
		if (byAddress != null) {
			wait = byAddress.waitAt(now, ADDRESS_FREE_FAILURES, ADDRESS_LOCK_FAILURES);
		}
		String user = normalize(username);
		Failures byUsername = this.usernames.getIfPresent(user);
		if (byUsername != null && this.failedPairs.getIfPresent(pair(user, address)) != null) {
			Optional<Wait> userWait = byUsername.waitAt(now, USERNAME_FREE_FAILURES, USERNAME_LOCK_FAILURES);
			if (userWait.isPresent()
					&& (wait.isEmpty() || userWait.get().duration().compareTo(wait.get().duration()) > 0)) {
				wait = userWait;
			}
		}
		return wait;
	}

	public void failed(String username, String address) {
		Instant now = this.clock.instant();
		String user = normalize(username);
		this.addresses.asMap().merge(address, new Failures(1, now), (old, one) -> old.plusOne(now));
		this.usernames.asMap().merge(user, new Failures(1, now), (old, one) -> old.plusOne(now));
		this.failedPairs.put(pair(user, address), Boolean.TRUE);
	}

	/**
	 * Forgets the username's failures after a correct password.
	 * @return the failures there were since the last successful login
	 */
	public @Nullable Failures succeeded(String username) {
		return this.usernames.asMap().remove(normalize(username));
	}

	/**
	 * Whether a username is locked now, whatever the address.
	 */
	@Override
	public OptionalInt failedSignIns(String username) {
		Failures failures = this.usernames.getIfPresent(normalize(username));
		return (failures != null) ? OptionalInt.of(failures.count()) : OptionalInt.empty();
	}

	@Override
	public boolean locked(String username) {
		Failures failures = this.usernames.getIfPresent(normalize(username));
		return failures != null && failures.lockedAt(this.clock.instant());
	}

	/**
	 * An admin's reset: the username may log in again from anywhere at once.
	 */
	@Override
	public void unlock(String username) {
		String user = normalize(username);
		this.usernames.invalidate(user);
		this.failedPairs.asMap().keySet().removeIf((key) -> key.startsWith(user + "\n"));
	}

	private static String normalize(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

	private static String pair(String username, String address) {
		return username + "\n" + address;
	}

	/**
	 * Failed attempts and when the last one was.
	 *
	 * @param count how many since the last success or reset
	 * @param last when the last one was
	 */
	public record Failures(int count, Instant last) implements Serializable {

		Failures plusOne(Instant now) {
			return new Failures(this.count + 1, now);
		}

		boolean lockedAt(Instant now) {
			return this.count >= USERNAME_LOCK_FAILURES
					&& now.isBefore(this.last.plus(delay(USERNAME_FREE_FAILURES, USERNAME_LOCK_FAILURES)));
		}

		Optional<Wait> waitAt(Instant now, int free, int lock) {
			if (this.count < free) {
				return Optional.empty();
			}
			Instant notBefore = this.last.plus(delay(free, lock));
			return now.isBefore(notBefore) ? Optional.of(new Wait(Duration.between(now, notBefore), this.count >= lock))
					: Optional.empty();
		}

		/**
		 * 2, 4, 8 … seconds after each failure past the free ones; from the lock on 15
		 * minutes, doubling with each further failure, at most a day.
		 */
		Duration delay(int free, int lock) {
			if (this.count < lock) {
				return Duration.ofSeconds(1L << Math.min(this.count - free + 1, 20));
			}
			Duration duration = FIRST_LOCK.multipliedBy(1L << Math.min(this.count - lock, 10));
			return (duration.compareTo(LONGEST_LOCK) > 0) ? LONGEST_LOCK : duration;
		}

	}

	/**
	 * How long an attempt has to wait.
	 *
	 * @param duration until the next attempt is checked
	 * @param locked whether it is a lock rather than a delay
	 */
	public record Wait(Duration duration, boolean locked) {

		public long seconds() {
			return Math.max(1, (this.duration.toMillis() + 999) / 1000);
		}

		public long minutes() {
			return Math.max(1, (seconds() + 59) / 60);
		}

	}

}
