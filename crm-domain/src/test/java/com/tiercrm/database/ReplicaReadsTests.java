package com.tiercrm.database;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a thread requires of the replica before it may read from it.
 */
class ReplicaReadsTests {

	private static final Instant OLDEST = Instant.parse("2026-12-07T10:00:00Z");

	private final ReplicaReads reads = new ReplicaReads();

	@Test
	void onlyWorkInAScopeMayReadFromTheReplica() {
		assertThat(this.reads.requirement(OLDEST)).isNull();
		try (ReplicaReads.Scope scope = this.reads.allow(null)) {
			assertThat(this.reads.requirement(OLDEST)).isEqualTo(OLDEST);
			assertThat(scope.wrote()).isFalse();
		}
		assertThat(this.reads.requirement(OLDEST)).isNull();
	}

	@Test
	void theReplicaMustHaveReplayedTheUsersLastWriteAndTheLastCacheChange() {
		Instant lastWrite = OLDEST.plusSeconds(5);
		try (ReplicaReads.Scope scope = this.reads.allow(lastWrite)) {
			assertThat(this.reads.requirement(OLDEST)).isEqualTo(lastWrite);
			this.reads.requireCaughtUpTo(OLDEST.plusSeconds(9));
			this.reads.requireCaughtUpTo(OLDEST.plusSeconds(7));
			assertThat(this.reads.requirement(OLDEST)).isEqualTo(OLDEST.plusSeconds(9));
			assertThat(this.reads.requirement(OLDEST.plusSeconds(12))).isEqualTo(OLDEST.plusSeconds(12));
			assertThat(scope.wrote()).isFalse();
		}
	}

	@Test
	void aThreadThatWroteReadsFromThePrimaryUntilItsScopeEnds() {
		try (ReplicaReads.Scope scope = this.reads.allow(null)) {
			this.reads.wrote();
			assertThat(scope.wrote()).isTrue();
			assertThat(this.reads.requirement(OLDEST)).isNull();
		}
		try (ReplicaReads.Scope scope = this.reads.allow(null)) {
			assertThat(scope.wrote()).isFalse();
			assertThat(this.reads.requirement(OLDEST)).isEqualTo(OLDEST);
		}
	}

	@Test
	void aClientWithoutASessionNeedsTheReplicaToHaveReplayedItsNotedWrites() {
		List<String> lookedUp = new ArrayList<>();
		ToLongFunction<String> noted = (user) -> {
			lookedUp.add(user);
			return 42;
		};
		assertThat(this.reads.requiredPosition(noted)).isZero();
		try (ReplicaReads.Scope scope = this.reads.allow(null)) {
			assertThat(this.reads.requiredPosition(noted)).isZero();
			assertThat(scope.wrote()).isFalse();
		}
		try (ReplicaReads.Scope scope = this.reads.allow(null, "ann")) {
			assertThat(this.reads.requiredPosition(noted)).isEqualTo(42);
			assertThat(this.reads.requiredPosition(noted)).isEqualTo(42);
			assertThat(this.reads.requirement(OLDEST)).isEqualTo(OLDEST);
			assertThat(scope.wrote()).isFalse();
		}
		assertThat(lookedUp).as("once per scope").containsExactly("ann");
		assertThat(this.reads.requiredPosition(noted)).isZero();
	}

}
