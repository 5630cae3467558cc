package com.tiercrm.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.tiercrm.security.LoginThrottle.Wait;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	private final MutableClock clock = new MutableClock();

	private final LoginThrottle throttle = new LoginThrottle(this.clock);

	@Test
	void delaysGrowAfterFiveFailuresThenLock() {
		fail("rep", "10.0.0.1", 5);
		assertThat(this.throttle.check("rep", "10.0.0.1")).map(Wait::seconds).hasValue(2L);
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.throttle.check("rep", "10.0.0.1")).isEmpty();
		fail("rep", "10.0.0.1", 1);
		assertThat(this.throttle.check("rep", "10.0.0.1")).map(Wait::seconds).hasValue(4L);
		fail("rep", "10.0.0.1", 4);
		assertThat(this.throttle.check("rep", "10.0.0.1")).hasValueSatisfying((wait) -> {
			assertThat(wait.locked()).isTrue();
			assertThat(wait.minutes()).isEqualTo(15);
		});
		assertThat(this.throttle.locked("REP")).isTrue();
		fail("rep", "10.0.0.1", 1);
		assertThat(this.throttle.check("rep", "10.0.0.1")).map(Wait::minutes).hasValue(30L);
	}

	@Test
	void aUsernameLockDoesNotHoldAnAddressThatNeverFailedForIt() {
		fail("rep", "203.0.113.9", 12);
		assertThat(this.throttle.check("rep", "203.0.113.9")).isPresent();
		assertThat(this.throttle.check("rep", "10.0.0.2")).isEmpty();
		assertThat(this.throttle.check("other", "10.0.0.1")).isEmpty();
	}

	@Test
	void anAddressFailingForManyUsernamesIsHeldForAll() {
		for (int i = 0; i < LoginThrottle.ADDRESS_LOCK_FAILURES; i++) {
			fail("user" + i, "203.0.113.9", 1);
		}
		assertThat(this.throttle.check("someone-else", "203.0.113.9"))
			.hasValueSatisfying((wait) -> assertThat(wait.locked()).isTrue());
		assertThat(this.throttle.check("someone-else", "10.0.0.1")).isEmpty();
	}

	@Test
	void successAndUnlockForgetTheUsernamesFailures() {
		fail("rep", "10.0.0.1", 5);
		fail("rep", "10.0.0.2", 5);
		assertThat(this.throttle.check("rep", "10.0.0.1")).isPresent();
		assertThat(this.throttle.succeeded("rep")).satisfies((failures) -> assertThat(failures.count()).isEqualTo(10));
		assertThat(this.throttle.check("rep", "10.0.0.1")).isEmpty();
		fail("rep", "10.0.0.3", 5);
		fail("rep", "10.0.0.4", 5);
		assertThat(this.throttle.locked("rep")).isTrue();
		this.throttle.unlock("Rep");
		assertThat(this.throttle.locked("rep")).isFalse();
		assertThat(this.throttle.check("rep", "10.0.0.3")).isEmpty();
	}

	@Test
	void locksExpire() {
		fail("rep", "10.0.0.1", 10);
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(this.throttle.check("rep", "10.0.0.1")).isEmpty();
		assertThat(this.throttle.locked("rep")).isFalse();
	}

	private void fail(String username, String address, int times) {
		for (int i = 0; i < times; i++) {
			this.throttle.failed(username, address);
		}
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
