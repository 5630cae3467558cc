package com.tiercrm.policy;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One saved version of a tier's policy.
 *
 * @param version counts from 1 per tier
 * @param terms the values
 * @param savedBy the username, {@code null} for the defaults the installation came with
 * @param savedAt when it was saved
 * @param changes what it changed from the version before; empty for the first
 */
public record PolicyVersion(int version, PolicyTerms terms, @Nullable String savedBy, Instant savedAt,
		List<FieldChange> changes) {

	PolicyVersion withChanges(List<FieldChange> changes) {
		return new PolicyVersion(this.version, this.terms, this.savedBy, this.savedAt, List.copyOf(changes));
	}

}
